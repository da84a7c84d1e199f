import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '../../errors';
import type { ReadBytes } from '../text/encoding';
import { findTooDeep, MAX_VALUE_DEPTH, RECORD_FIELD_DEPTH } from './json-depth';

/**
 * Longer than any record or header value Bindeled writes (its longest text field holds 100,000
 * characters); one longer is refused rather than held.
 */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

/** The file is decoded this many bytes at a time. */
export const PIECE_BYTES = 64 * 1024;
const MAX_PIECE_BYTES = 4 * 1024 * 1024;

/** A place in the file: its byte (to read from it again), line and column (for messages). */
export interface Place {
  byte: number;
  line: number;
  column: number;
}

/** What is being read, for messages: a top-level key, and the position in its list. */
interface Where {
  key: string;
  index: number | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
export const COMMA = 0x2c;
const BOM = 0xfeff;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Where a value that is neither a string, an object nor a list (a number, true, null) ends. */
const endsBare = (c: number) => isSpace(c) || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON;

/**
 * A caseload file's JSON read a piece at a time from the disk: the file's top level (one object,
 * its keys, the lists under them) is walked here, and each record (each item of a top-level list)
 * and each other top-level value is cut out whole and given to JSON.parse, so every byte is
 * checked as JSON.parse checks it, while only one record is ever held as text. Nesting is counted
 * while a value is cut out, before JSON.parse sees it (json-depth.ts says why and how deep).
 */
export class JsonStream {
  private text = '';
  /** The next character to read, in `text`. */
  private i = 0;
  /** Where `text` begins in the file. */
  private start: Place;
  /** The next byte to read from the file. */
  private next: number;
  private ended = false;
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly read: ReadBytes,
    private readonly fileName: string,
    from: Place = { byte: 0, line: 1, column: 1 },
    private readonly pieceBytes = PIECE_BYTES,
  ) {
    this.start = { ...from };
    this.next = from.byte;
  }

  /** The next character that is not white space (a BOM opening the file counts as space), or -1 at the end. */
  peek(): number {
    for (;;) {
      if (this.i >= this.text.length && !this.more()) return -1;
      const c = this.text.charCodeAt(this.i);
      if (isSpace(c) || (c === BOM && this.start.byte + this.i === 0)) this.i++;
      else return c;
    }
  }

  /** Takes the character peek() returned, which must be `c`. */
  take(c: number): void {
    if (this.peek() !== c) this.broken();
    this.i++;
  }

  /** Where the next character is. */
  place(): Place {
    this.drop();
    return { ...this.start };
  }

  /** A top-level key: a JSON string followed by a colon. */
  key(): string {
    if (this.peek() !== QUOTE) this.broken();
    this.drop();
    const end = this.stringEnd(1, { key: '', index: null });
    const key = this.parse(this.text.slice(0, end));
    this.i = end;
    this.take(COLON);
    return String(key);
  }

  /**
   * The value that starts at the next character, parsed. `depth` is how deep it stands in the file
   * (1 for a value of the top-level object, 2 for an item of a list there).
   */
  value(depth: number, where: Where): unknown {
    if (this.peek() === -1) this.broken();
    this.drop();
    const limit = RECORD_FIELD_DEPTH + MAX_VALUE_DEPTH;
    let open = 0;
    let p = 0;
    for (;;) {
      if (p > MAX_VALUE_CHARS) this.tooBig(where);
      if (p >= this.text.length) {
        if (this.more()) continue;
        if (open > 0 || p === 0) this.broken(p);
        break;
      }
      const c = this.text.charCodeAt(p);
      if (c === QUOTE) {
        p = this.stringEnd(p + 1, where);
        if (open === 0) break;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        open++;
        if (depth + open > limit) this.tooDeep(p, where);
        p++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (open === 0) break;
        p++;
        if (--open === 0) break;
      } else if (open === 0 && endsBare(c)) break;
      else p++;
    }
    const value = this.parse(this.text.slice(0, p));
    this.i = p;
    return value;
  }

  /** The items of the list that starts at the next character, each parsed as it is reached. */
  items(depth: number, key: string): IterableIterator<unknown> {
    return new ListItems(this, depth, key);
  }

  /** Refuses the file as broken JSON at `at` (in `text`; the end of the file when past it). */
  broken(at = this.i): never {
    const { line, column } = this.positionAt(Math.min(at, this.text.length));
    throw new DomainError('invalid_input', 'import.jsonBroken', { file: this.fileName, line, column });
  }

  /** Reads another piece of the file onto `text`; false at its end. */
  private more(): boolean {
    if (this.ended) return false;
    // A long value unfinished asks for as much again (up to a few MB): each piece appended makes
    // V8 copy the text once more when it is next searched.
    const size = Math.max(this.pieceBytes, Math.min(this.text.length - this.i, MAX_PIECE_BYTES));
    const bytes = this.read(this.next, size);
    this.next += bytes.length;
    let piece = this.decoder.write(bytes);
    if (bytes.length < size) {
      this.ended = true;
      piece += this.decoder.end();
    }
    this.text += piece;
    return piece.length > 0 || !this.ended;
  }

  /** Forgets the text before the next character, keeping count of where `text` now begins. */
  private drop(): void {
    if (this.i === 0) return;
    this.start = this.positionAt(this.i);
    this.text = this.text.slice(this.i);
    this.i = 0;
  }

  /** The place of `at` in `text`. */
  private positionAt(at: number): Place {
    const before = this.text.slice(0, at);
    let line = this.start.line;
    let lineStart = -1;
    for (let n = before.indexOf('\n'); n !== -1; n = before.indexOf('\n', n + 1)) {
      line++;
      lineStart = n;
    }
    return {
      byte: this.start.byte + Buffer.byteLength(before),
      line,
      column: lineStart < 0 ? this.start.column + at : at - lineStart,
    };
  }

  /** Just past the quote that closes the string whose text starts at `from`. */
  private stringEnd(from: number, where: Where): number {
    let at = from;
    for (;;) {
      const q = this.text.indexOf('"', at);
      if (q < 0) {
        at = Math.max(from, this.text.length);
        if (at > MAX_VALUE_CHARS) this.tooBig(where);
        if (!this.more()) this.broken(this.text.length);
        continue;
      }
      let slashes = 0;
      for (let j = q - 1; j >= from && this.text.charCodeAt(j) === BACKSLASH; j--) slashes++;
      if (slashes % 2 === 0) return q + 1;
      at = q + 1;
    }
  }

  private parse(json: string): unknown {
    try {
      return JSON.parse(json);
    } catch (err) {
      // JSON.parse says where it stopped in the value; without it, the value's end.
      const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
      this.broken(at ? Number(at[1]) : json.length);
    }
  }

  private tooBig(where: Where): never {
    throw new DomainError('invalid_input', 'import.valueTooBig', {
      file: this.fileName,
      place: where.index === null ? where.key : `${where.key}[${where.index}]`,
      limit: MAX_VALUE_CHARS / (1024 * 1024),
    });
  }

  /**
   * Refuses a value nested past the limit at `at`, naming what findTooDeep names in the whole
   * file: the value so far is put back under its key (and list) for it to read.
   */
  private tooDeep(at: number, where: Where): never {
    const head = `{${JSON.stringify(where.key)}:${where.index === null ? '' : '['}`;
    const deep = findTooDeep(head + this.text.slice(0, at + 1));
    const { line } = this.positionAt(Math.max(0, (deep?.offset ?? head.length) - head.length));
    const ref = where.index === null ? null : `${where.key}[${where.index}]`;
    if (ref && deep?.field != null) {
      throw new DomainError('invalid_input', 'import.tooDeepField', {
        file: this.fileName,
        ref,
        field: deep.field,
        limit: MAX_VALUE_DEPTH,
        line,
      });
    }
    throw new DomainError('invalid_input', 'import.tooDeep', { file: this.fileName, place: ref ?? where.key, line });
  }
}

/**
 * The items of one list, read as they are asked for. An iterator object rather than a generator:
 * a suspended generator kept the item it had just handed out alive into V8's old generation.
 */
class ListItems implements IterableIterator<unknown> {
  private index = -1;
  private done = false;

  constructor(
    private readonly json: JsonStream,
    private readonly depth: number,
    private readonly key: string,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<unknown> {
    if (this.done) return { value: undefined, done: true };
    if (this.index < 0) {
      this.json.take(OPEN_ARRAY);
      if (this.json.peek() === CLOSE_ARRAY) return this.end();
    } else {
      const c = this.json.peek();
      if (c === CLOSE_ARRAY) return this.end();
      if (c !== COMMA) this.json.broken();
      this.json.take(COMMA);
    }
    this.index++;
    return { value: this.json.value(this.depth, { key: this.key, index: this.index }), done: false };
  }

  private end(): IteratorResult<unknown> {
    this.json.take(CLOSE_ARRAY);
    this.done = true;
    return { value: undefined, done: true };
  }
}
