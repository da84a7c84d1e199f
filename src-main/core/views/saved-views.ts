import type { Database } from 'better-sqlite3';
import { all, nowStamp, run } from '../db/sql';
import { notFound } from '../errors';
import { type SavedView, type ViewState, viewStateSchema } from './view-schema';

export function listViews(db: Database): SavedView[] {
  return all<{ id: number; name: string; state: string; updated_at: string }>(
    db,
    'SELECT id, name, state, updated_at FROM saved_views ORDER BY name COLLATE NOCASE',
  ).map((r) => ({
    id: r.id,
    name: r.name,
    state: viewStateSchema.parse(JSON.parse(r.state)),
    updatedAt: r.updated_at,
  }));
}

/** Saving under an existing name replaces that view, as "Save" in any desktop app would. */
export function saveView(db: Database, name: string, state: ViewState): SavedView {
  const now = nowStamp();
  run(
    db,
    `INSERT INTO saved_views(name, state, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    [name, JSON.stringify(state), now, now],
  );
  const view = listViews(db).find((v) => v.name === name);
  if (!view) throw notFound('entity.view', name);
  return view;
}

export function deleteView(db: Database, id: number): void {
  const info = run(db, 'DELETE FROM saved_views WHERE id = ?', [id]);
  if (info.changes === 0) throw notFound('entity.view', id);
}
