import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { recordCompanyAudit } from '../audit/audit-log';
import { all, get, nowStamp, run } from '../db/sql';
import { DomainError, invalidField, notFound } from '../errors';
import { idBatches, scopeCompanyIds } from '../interop/export-scope';
import { currentActor } from '../settings/settings-repo';
import { tagKey } from './tag-name';
import type { ApplyTags, ApplyTagsResult, Tag } from './tag-schema';

const TAG_SELECT = `SELECT t.id, t.name, (SELECT count(*) FROM company_tags ct WHERE ct.tag_id = t.id) AS companies
  FROM tags t`;

/** Every tag with how many firms carry it, in Danish alphabetical order of its folded name. */
export function listTags(db: Database): Tag[] {
  return all<Tag>(db, `${TAG_SELECT} ORDER BY t.name_key`);
}

/** A firm's tags, in the order the caseload shows them. */
export function tagsOf(db: Database, companyId: number): string[] {
  return all<{ name: string }>(
    db,
    `SELECT t.name FROM company_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.company_id = ? ORDER BY t.name_key`,
    [companyId],
  ).map((r) => r.name);
}

/** The tags with these names, made where missing (a tag is created by using it). */
export function ensureTags(db: Database, names: readonly string[]): number[] {
  const find = db.prepare<[string], number>('SELECT id FROM tags WHERE name_key = ?').pluck();
  const insert = db
    .prepare<[string, string, string, string], number>(
      'INSERT INTO tags(uuid, name, name_key, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    )
    .pluck();
  return [
    ...new Set(names.map((n) => find.get(tagKey(n)) ?? (insert.get(randomUUID(), n, tagKey(n), nowStamp()) as number))),
  ];
}

const tagsText = (db: Database, companyId: number) =>
  get<{ t: string | null }>(db, 'SELECT tags_text AS t FROM companies WHERE id = ?', [companyId])?.t ?? null;

/** The firm's history gets one line per change of its tags, as for any other field. */
function auditTags(db: Database, companyId: number, before: string | null, after: string | null): boolean {
  if (before === after) return false;
  recordCompanyAudit(db, currentActor(db), companyId, 'update', {
    before: { tags: before },
    after: { tags: after },
  });
  return true;
}

/** Gives a firm exactly these tags (from its form): one transaction, one history line. */
export function setCompanyTags(db: Database, companyId: number, names: readonly string[]): string[] {
  return db.transaction(() => {
    if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [companyId])) throw notFound('entity.company', companyId);
    const before = tagsText(db, companyId);
    const ids = ensureTags(db, names);
    run(db, 'DELETE FROM company_tags WHERE company_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))', [
      companyId,
      JSON.stringify(ids),
    ]);
    const link = db.prepare('INSERT OR IGNORE INTO company_tags(company_id, tag_id) VALUES (?, ?)');
    for (const id of ids) link.run(companyId, id);
    auditTags(db, companyId, before, tagsText(db, companyId));
    return tagsOf(db, companyId);
  })();
}

/** Thrown inside a dry run's transaction so nothing it wrote is kept. */
class DryRun extends Error {
  constructor(readonly result: ApplyTagsResult) {
    super('dry run');
  }
}

/**
 * Adds and removes tags on many firms in one transaction, with a history line on each firm whose
 * tags changed. A dry run does the same work and rolls it back, so its counts are exact.
 */
export function applyTags(db: Database, input: ApplyTags): ApplyTagsResult {
  const ids = scopeCompanyIds(db, input.scope);
  if (!ids.length) throw new DomainError('invalid_input', 'tags.emptySelection');
  const removeKeys = JSON.stringify(input.remove.map(tagKey));
  try {
    return db.transaction(() => {
      const add = ensureTags(db, input.add);
      const link = db.prepare('INSERT OR IGNORE INTO company_tags(company_id, tag_id) VALUES (?, ?)');
      const unlink = db.prepare(
        `DELETE FROM company_tags WHERE company_id = ?
            AND tag_id IN (SELECT id FROM tags WHERE name_key IN (SELECT value FROM json_each(?)))`,
      );
      const texts = db.prepare<[string], { id: number; t: string | null }>(
        'SELECT id, tags_text AS t FROM companies WHERE id IN (SELECT value FROM json_each(?))',
      );
      let changed = 0;
      for (const batch of idBatches(ids)) {
        const before = new Map(texts.all(batch.json).map((r) => [r.id, r.t]));
        for (const id of batch.ids) {
          for (const tag of add) link.run(id, tag);
          if (input.remove.length) unlink.run(id, removeKeys);
        }
        for (const r of texts.all(batch.json)) if (auditTags(db, r.id, before.get(r.id) ?? null, r.t)) changed++;
      }
      const result = { companies: ids.length, changed, dryRun: input.dryRun };
      if (input.dryRun) throw new DryRun(result);
      return result;
    })();
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}

/** A tag renamed for every firm that carries it; a name another tag has is refused. */
export function renameTag(db: Database, id: number, name: string): Tag {
  return db.transaction(() => {
    const clash = get<{ id: number }>(db, 'SELECT id FROM tags WHERE name_key = ? AND id <> ?', [tagKey(name), id]);
    if (clash) throw invalidField('name', 'tags.exists', { name });
    const done = run(db, 'UPDATE tags SET name = ?, name_key = ? WHERE id = ?', [name, tagKey(name), id]);
    if (!done.changes) throw notFound('entity.tag', id);
    return get<Tag>(db, `${TAG_SELECT} WHERE t.id = ?`, [id]) as Tag;
  })();
}

/** A tag removed from every firm (each firm's history says so) and from the list. */
export function deleteTag(db: Database, id: number): { companies: number } {
  return db.transaction(() => {
    const carriers = all<{ id: number; t: string | null }>(
      db,
      'SELECT c.id, c.tags_text AS t FROM company_tags ct JOIN companies c ON c.id = ct.company_id WHERE ct.tag_id = ?',
      [id],
    );
    if (!run(db, 'DELETE FROM tags WHERE id = ?', [id]).changes) throw notFound('entity.tag', id);
    for (const c of carriers) auditTags(db, c.id, c.t, tagsText(db, c.id));
    return { companies: carriers.length };
  })();
}
