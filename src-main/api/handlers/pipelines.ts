import { exportPipeline } from '../../core/pipelines/pipeline-export';
import { queryLagPipeline, queryReferralPipeline } from '../../core/pipelines/pipeline-query';
import { deletePipelineView, listPipelineViews, savePipelineView } from '../../core/pipelines/pipeline-views';
import { chosenPaths } from '../chosen-paths';
import type { pipelinesContract } from '../contract/pipelines';
import type { AreaHandlers } from './types';

export const pipelinesHandlers: AreaHandlers<typeof pipelinesContract> = {
  'pipelines.referrals': (input, { db }) => queryReferralPipeline(db, input),
  'pipelines.lag': (input, { db }) => queryLagPipeline(db, input),
  'pipelines.views': ({ kind }, { db }) => listPipelineViews(db, kind),
  'pipelines.saveView': ({ kind, name, state }, { db }) => savePipelineView(db, kind, name, state),
  'pipelines.deleteView': ({ kind, name }, { db }) => {
    deletePipelineView(db, kind, name);
    return null;
  },
  'pipelines.export': ({ path, format, ...input }, ctx) =>
    exportPipeline(ctx.db, input, chosenPaths.fileToWrite(ctx, path), format, {
      locale: ctx.locale,
      job: { signal: ctx.signal, progress: ctx.progress },
    }),
};
