import { z } from 'zod';
import type { ExportResult } from '../../core/interop/interop-schema';
import {
  type LagPipelineRow,
  lagPipelineQuerySchema,
  type PipelinePage,
  type PipelineView,
  pipelineKindSchema,
  pipelineViewSaveSchema,
  type ReferralPipelineRow,
  referralPipelineQuerySchema,
} from '../../core/pipelines/pipeline-schema';
import { method, NO_ACCESS_LOG } from './define';

const exportTarget = { format: z.enum(['csv', 'xlsx']), path: z.string().min(1).max(4096) };

/**
 * The pipelines across firms: every referral and LAG application as a page of a table (filtered,
 * sorted and paged in SQLite, like `companies.list`), their saved views and their export. A move
 * on the board is `referrals.setStatus` or `lag.setStatus`, under the dialogs' rules.
 */
export const pipelinesContract = {
  'pipelines.referrals': method(referralPipelineQuerySchema).returns<PipelinePage<ReferralPipelineRow>>(NO_ACCESS_LOG),
  'pipelines.lag': method(lagPipelineQuerySchema).returns<PipelinePage<LagPipelineRow>>(NO_ACCESS_LOG),
  'pipelines.views': method(z.object({ kind: pipelineKindSchema })).returns<PipelineView[]>(NO_ACCESS_LOG),
  'pipelines.saveView': method(pipelineViewSaveSchema).returns<PipelineView>(NO_ACCESS_LOG),
  'pipelines.deleteView': method(z.object({ kind: pipelineKindSchema, name: z.string().min(1).max(80) })).returns<null>(
    NO_ACCESS_LOG,
  ),
  'pipelines.export': method(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('referrals'), query: referralPipelineQuerySchema, ...exportTarget }),
      z.object({ kind: z.literal('lag'), query: lagPipelineQuerySchema, ...exportTarget }),
    ]),
    { job: true },
  ).returns<ExportResult>({ access: 'export', facts: (_, o) => ({ file: o.path }) }),
} as const;

export type {
  LagPipelineQueryInput,
  LagPipelineRow,
  PipelineKind,
  PipelinePage,
  PipelineView,
  PipelineViewState,
  ReferralPipelineQueryInput,
  ReferralPipelineRow,
} from '../../core/pipelines/pipeline-schema';
