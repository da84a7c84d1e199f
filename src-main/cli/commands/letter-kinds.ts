import path from 'node:path';
import { LETTER_SUBJECTS, type LetterSubject } from '../../../src-shared/codes/documents';
import { message } from '../../core/messages';
import { type CliContext, call, command, EXIT_OK, UsageError } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';
import { subcommands } from '../subcommands';

function idOf(value: string | undefined, action: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1)
    throw new UsageError(message('cli.letterKinds.idRequired', { action }));
  return n;
}

function subjectOf(value: string | undefined, action: string): LetterSubject {
  const s = LETTER_SUBJECTS.find((x) => x === value);
  if (!s)
    throw new UsageError(message('cli.letterKinds.subjectRequired', { action, subjects: LETTER_SUBJECTS.join('|') }));
  return s;
}

function fileOf(value: string | undefined, action: string): { path: string } {
  if (!value) throw new UsageError(message('cli.letterKinds.fileRequired', { action }));
  return { path: path.resolve(value) };
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { boolean: ['json', 'all'] });
  const kinds = await call(ctx, 'letterKinds.list', { includeRemoved: values.all });
  return printResult(ctx, values.json, kinds, () => {
    if (!kinds.length) ctx.out(message('cli.letterKinds.none'));
    for (const k of kinds)
      ctx.out([k.ref, k.name, k.subject, k.templateName, String(k.used), k.removedAt ?? ''].join('\t').trimEnd());
  });
}

async function fields(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['subject'], boolean: ['json'] });
  const about = subjectOf(values.subject, 'fields');
  const placeholders = (await call(ctx, 'letterKinds.fields', {})).find((s) => s.subject === about)?.placeholders ?? [];
  return printResult(ctx, values.json, placeholders, () => {
    for (const p of placeholders) ctx.out(`{{${p.key}}}\t${p.description}\t${p.example}`);
  });
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { string: ['name', 'subject'], boolean: ['json'] }, true);
  const template = fileOf(positionals[0], 'add');
  if (!values.name) throw new UsageError(message('cli.letterKinds.nameRequired', { action: 'add' }));
  const kind = await call(ctx, 'letterKinds.add', {
    name: values.name,
    subject: subjectOf(values.subject, 'add'),
    template,
  });
  return printResult(ctx, values.json, kind, () =>
    ctx.out(message('cli.letterKinds.added', { id: kind.id, name: kind.name })),
  );
}

async function rename(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { string: ['name'] }, true);
  const id = idOf(positionals[0], 'rename');
  if (!values.name) throw new UsageError(message('cli.letterKinds.nameRequired', { action: 'rename' }));
  const kind = await call(ctx, 'letterKinds.rename', { id, name: values.name });
  ctx.out(message('cli.letterKinds.renamed', { id, name: kind.name }));
  return EXIT_OK;
}

async function replace(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseFlags(args, {}, true);
  const id = idOf(positionals[0], 'replace');
  await call(ctx, 'letterKinds.replaceTemplate', { id, template: fileOf(positionals[1], 'replace') });
  ctx.out(message('cli.letterKinds.replaced', { id }));
  return EXIT_OK;
}

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseFlags(args, {}, true);
  const id = idOf(positionals[0], 'remove');
  const { removed } = await call(ctx, 'letterKinds.remove', { id });
  ctx.out(message(removed === 'retired' ? 'cli.letterKinds.retired' : 'cli.letterKinds.removed', { id }));
  return EXIT_OK;
}

/**
 * `letter-kinds list|add|rename|replace|remove|fields`: a consultant's own letter kinds, made with
 * `letter --kind custom:ID` like the built-in ones.
 */
export const letterKindsCommand = command(
  'letterKinds',
  subcommands('cli.letterKinds.action', { list, fields, add, rename, replace, remove }),
  { name: 'letter-kinds' },
);
