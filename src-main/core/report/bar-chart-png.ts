import { deflateSync } from 'node:zlib';

/**
 * A bar chart as a PNG, drawn pixel by pixel: Word needs a raster image and a chart library (or a
 * headless browser) for six bars is not worth its weight. Values are printed above the bars with a
 * 3×5 digit font; the labels go in the table beside the image in the document.
 */
export interface Bar {
  value: number;
  colour: readonly [number, number, number];
}

const DIGITS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = Buffer.alloc(width * height * 3, 255);
  }
  rect(x: number, y: number, w: number, h: number, [r, g, b]: readonly [number, number, number]): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(this.width, x + w); xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }
  number(text: string, cx: number, bottom: number, scale: number): void {
    const w = text.length * 4 * scale - scale;
    let x = Math.round(cx - w / 2);
    for (const ch of text) {
      const glyph = DIGITS[ch];
      glyph?.forEach((row, gy) => {
        for (let gx = 0; gx < 3; gx++) {
          if (row[gx] === '1') this.rect(x + gx * scale, bottom - 5 * scale + gy * scale, scale, scale, [40, 40, 40]);
        }
      });
      x += 4 * scale;
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Vertical bars scaled to the largest value, with the value above each bar. */
export function barChartPng(bars: readonly Bar[], width = 640, height = 320): Buffer {
  const canvas = new Canvas(width, height);
  const top = 30;
  const bottom = height - 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.max(4, Math.floor(slot * 0.6));
  canvas.rect(0, bottom, width, 2, [120, 120, 120]);
  bars.forEach((bar, i) => {
    const h = Math.round(((bottom - top) * bar.value) / max);
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    canvas.rect(x, bottom - h, barWidth, h, bar.colour);
    canvas.number(String(bar.value), x + barWidth / 2, bottom - h - 6, slot > 60 ? 3 : 2);
  });
  return encodePng(width, height, canvas.pixels);
}
