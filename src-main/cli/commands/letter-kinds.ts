import path from 'node:path';
import { LETTER_SUBJECTS, type LetterSubject } from '../../../src-shared/codes/documents';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

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
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, all: { type: 'boolean' } });
  const kinds = await call(ctx, 'letterKinds.list', { includeRemoved: values.all });
  if (values.json) ctx.out(JSON.stringify(kinds, null, 2));
  else if (!kinds.length) ctx.out(message('cli.letterKinds.none'));
  else
    for (const k of kinds)
      ctx.out([k.ref, k.name, k.subject, k.templateName, String(k.used), k.removedAt ?? ''].join('\t').trimEnd());
  return EXIT_OK;
}

async function fields(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { subject: { type: 'string' }, json: { type: 'boolean' } });
  const about = subjectOf(values.subject, 'fields');
  const placeholders = (await call(ctx, 'letterKinds.fields', {})).find((s) => s.subject === about)?.placeholders ?? [];
  if (values.json) ctx.out(JSON.stringify(placeholders, null, 2));
  else for (const p of placeholders) ctx.out(`{{${p.key}}}\t${p.description}\t${p.example}`);
  return EXIT_OK;
}

/**
 * `letter-kinds list|add|rename|replace|remove|fields`: a consultant's own letter kinds, made with
 * `letter --kind custom:ID` like the built-in ones.
 */
export const letterKindsCommand: CliCommand = {
  name: 'letter-kinds',
  summary: message('cli.letterKinds.summary'),
  usage: message('cli.letterKinds.usage'),
  run: async (args, ctx) => {
    const [action, ...rest] = args;
    if (action === 'list') return list(rest, ctx);
    if (action === 'fields') return fields(rest, ctx);
    if (action === 'add') {
      const { values, positionals } = parseCommandArgs(
        rest,
        { name: { type: 'string' }, subject: { type: 'string' }, json: { type: 'boolean' } },
        true,
      );
      const template = fileOf(positionals[0], action);
      if (!values.name) throw new UsageError(message('cli.letterKinds.nameRequired', { action }));
      const kind = await call(ctx, 'letterKinds.add', {
        name: values.name,
        subject: subjectOf(values.subject, action),
        template,
      });
      ctx.out(
        values.json
          ? JSON.stringify(kind, null, 2)
          : message('cli.letterKinds.added', { id: kind.id, name: kind.name }),
      );
      return EXIT_OK;
    }
    if (action === 'rename') {
      const { values, positionals } = parseCommandArgs(rest, { name: { type: 'string' } }, true);
      const id = idOf(positionals[0], action);
      if (!values.name) throw new UsageError(message('cli.letterKinds.nameRequired', { action }));
      const kind = await call(ctx, 'letterKinds.rename', { id, name: values.name });
      ctx.out(message('cli.letterKinds.renamed', { id, name: kind.name }));
      return EXIT_OK;
    }
    if (action === 'replace') {
      const { positionals } = parseCommandArgs(rest, {}, true);
      const id = idOf(positionals[0], action);
      await call(ctx, 'letterKinds.replaceTemplate', { id, template: fileOf(positionals[1], action) });
      ctx.out(message('cli.letterKinds.replaced', { id }));
      return EXIT_OK;
    }
    if (action === 'remove') {
      const { positionals } = parseCommandArgs(rest, {}, true);
      const id = idOf(positionals[0], action);
      const { removed } = await call(ctx, 'letterKinds.remove', { id });
      ctx.out(message(removed === 'retired' ? 'cli.letterKinds.retired' : 'cli.letterKinds.removed', { id }));
      return EXIT_OK;
    }
    throw new UsageError(message('cli.letterKinds.action'));
  },
};
