import type { Database } from 'better-sqlite3';
import type { PipelineKind } from '../../../src-shared/codes/pipelines';
import { nowStamp } from '../db/sql';
import { notFound } from '../errors';
import { getSetting, setSetting } from '../settings/settings-repo';
import { type PipelineView, pipelineViewStateSchema } from './pipeline-schema';

/**
 * Saved views of a pipeline, kept as one setting per pipeline: a handful of named filters a
 * consultant returns to, apart from the caseload's own views.
 */
const key = (kind: PipelineKind) => `pipeline.views.${kind}`;

export function listPipelineViews(db: Database, kind: PipelineKind): PipelineView[] {
  const stored = getSetting<unknown>(db, key(kind), []);
  if (!Array.isArray(stored)) return [];
  // A view a newer Bindeled wrote in a shape this one cannot read is left out, not an error.
  return stored
    .flatMap((v: unknown) => {
      const view = v as Partial<PipelineView>;
      const state = pipelineViewStateSchema.safeParse(view?.state);
      return typeof view?.name === 'string' && state.success
        ? [{ name: view.name, state: state.data, updatedAt: String(view.updatedAt ?? '') }]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** Saving under an existing name replaces that view. */
export function savePipelineView(
  db: Database,
  kind: PipelineKind,
  name: string,
  state: PipelineView['state'],
): PipelineView {
  const view = { name, state, updatedAt: nowStamp() };
  db.transaction(() => {
    const others = listPipelineViews(db, kind).filter((v) => v.name !== name);
    setSetting(db, key(kind), [...others, view]);
  })();
  return view;
}

export function deletePipelineView(db: Database, kind: PipelineKind, name: string): void {
  db.transaction(() => {
    const views = listPipelineViews(db, kind);
    if (!views.some((v) => v.name === name)) throw notFound('entity.view', name);
    setSetting(
      db,
      key(kind),
      views.filter((v) => v.name !== name),
    );
  })();
}
