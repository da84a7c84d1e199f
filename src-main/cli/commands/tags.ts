import { message } from '../../core/messages';
import { tagKey } from '../../core/tags/tag-name';
import type { Tag } from '../../core/tags/tag-schema';
import { type CliContext, call, command, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { printResult } from '../output';
import { idFlag, parseFlags } from '../parse';
import { subcommands } from '../subcommands';

/** The tag a user named, in any case; an unknown name is a usage error that says so. */
export async function findTag(ctx: CliContext, name: string): Promise<Tag> {
  const found = (await call(ctx, 'tags.list', {})).find((t) => tagKey(t.name) === tagKey(name));
  if (!found) throw new UsageError(message('cli.tags.unknown', { name }));
  return found;
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { boolean: ['json'] });
  const tags = await call(ctx, 'tags.list', {});
  return printResult(ctx, values.json, tags, () => {
    if (!tags.length) ctx.out(message('cli.tags.none'));
    for (const t of tags) ctx.out(message('cli.tags.list', { name: t.name, count: t.companies }));
  });
}

/** `tags add|remove --company REF TAG…`: the firm's tags with these added or taken off. */
async function change(args: string[], ctx: CliContext, adding: boolean): Promise<number> {
  const { values, positionals } = parseFlags(args, { string: ['company'] }, true);
  if (!values.company || !positionals.length) throw new UsageError(message('cli.tags.companyRequired'));
  const company = await lookupCompany(ctx, values.company);
  const named = new Set(positionals.map(tagKey));
  const current = company.tags ? company.tags.split('; ') : [];
  const tags = adding ? [...current, ...positionals] : current.filter((t) => !named.has(tagKey(t)));
  const now = await call(ctx, 'companies.setTags', { companyId: company.id, tags });
  ctx.out(message('cli.tags.ofCompany', { company: company.name, tags: now.join('; ') || message('cli.none') }));
  return EXIT_OK;
}

/** `tags apply (--ids … | --tag T | --search S) [--add T]… [--remove T]… [--dry-run] [--json]`. */
async function apply(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: ['ids', 'tag', 'search'],
    multiple: ['add', 'remove'],
    boolean: ['dry-run', 'json'],
  });
  let scope: { kind: 'companies'; ids: number[] } | { kind: 'query'; filters: { tags?: number[] }; search: string };
  if (values.ids) {
    const ids = values.ids.split(',').map((s) => idFlag(s.trim(), '--ids') as number);
    scope = { kind: 'companies', ids };
  } else if (values.tag !== undefined || values.search !== undefined) {
    const tags = values.tag !== undefined ? [(await findTag(ctx, values.tag)).id] : undefined;
    scope = { kind: 'query', filters: { tags }, search: values.search ?? '' };
  } else throw new UsageError(message('cli.tags.scopeRequired'));
  const dryRun = Boolean(values['dry-run']);
  const result = await call(ctx, 'tags.apply', { scope, add: values.add ?? [], remove: values.remove ?? [], dryRun });
  return printResult(ctx, values.json, result, () =>
    ctx.out(
      message(dryRun ? 'cli.tags.wouldApply' : 'cli.tags.applied', {
        changed: result.changed,
        count: result.companies,
      }),
    ),
  );
}

async function rename(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['tag', 'to'] });
  if (!values.tag || !values.to) throw new UsageError(message('cli.tags.renameRequired'));
  const tag = await findTag(ctx, values.tag);
  const renamed = await call(ctx, 'tags.rename', { id: tag.id, name: values.to });
  ctx.out(message('cli.tags.renamed', { from: tag.name, to: renamed.name }));
  return EXIT_OK;
}

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['tag'] });
  if (!values.tag) throw new UsageError(message('cli.tags.renameRequired'));
  const tag = await findTag(ctx, values.tag);
  const { companies } = await call(ctx, 'tags.delete', { id: tag.id });
  ctx.out(message('cli.tags.deleted', { name: tag.name, count: companies }));
  return EXIT_OK;
}

export const tagsCommand = command(
  'tags',
  subcommands('cli.tags.unknownSub', {
    list,
    add: (rest, ctx) => change(rest, ctx, true),
    remove: (rest, ctx) => change(rest, ctx, false),
    apply,
    rename,
    delete: remove,
  }),
);
