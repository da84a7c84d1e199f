import { type CliContext, EXIT_OK } from './cli-context';

/**
 * A command's result: with `--json` the value as scripts read it (indented), otherwise the lines
 * `print` writes for a person.
 */
export function printResult(ctx: CliContext, json: boolean | undefined, value: unknown, print: () => void): number {
  if (json) ctx.out(JSON.stringify(value, null, 2));
  else print();
  return EXIT_OK;
}

/**
 * Every row of a paged method, read a page at a time so a long list keeps memory flat; the last
 * page's other fields come with them.
 */
export async function readAllPages<P extends { rows: unknown[]; total: number }>(
  fetch: (offset: number, limit: number) => Promise<P>,
  pageSize = 500,
): Promise<P> {
  const rows: P['rows'] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetch(offset, pageSize);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return { ...page, rows };
  }
}
