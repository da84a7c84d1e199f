import type { AllHandlers } from '../../src-main/api/handlers';
import { unloggedHandlers } from '../../src-main/api/handlers';

/**
 * Loaded into the database threads by the db-worker tests (`handlersModule`): the search "∞" runs
 * statement after statement for a minute, the stand-in for a search nobody waits for any more;
 * every other search is the real one.
 */
export const handlers: Partial<AllHandlers> = {
  'companies.list': (input, ctx) => {
    if (input.search !== '∞') return unloggedHandlers['companies.list'](input, ctx);
    const count = ctx.db.prepare('SELECT count(*) AS n FROM companies');
    const until = Date.now() + 60_000;
    while (Date.now() < until) count.get();
    return { rows: [], total: 0, offset: input.offset };
  },
};
