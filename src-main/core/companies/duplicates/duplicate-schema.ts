import { z } from 'zod';
import type { DuplicateReason } from '../../../../src-shared/codes/companies';

const id = z.number().int().positive();

/** Two firms that may be one; `keepId` is the one the list suggests keeping. */
export interface DuplicatePair {
  keepId: number;
  mergeId: number;
  keepName: string;
  mergeName: string;
  keepCvr: string | null;
  mergeCvr: string | null;
  keepPlace: string;
  mergePlace: string;
  reasons: DuplicateReason[];
}

export const duplicatesQuerySchema = z.object({ companyId: id.optional() });

/**
 * A merge: `take` names the fields (by API name) whose value comes from the merged firm; every
 * other field keeps the kept firm's value, or the merged firm's where the kept one has none.
 */
export const mergeInputSchema = z.object({
  keepId: id,
  mergeId: id,
  take: z.array(z.string().max(40)).max(40).default([]),
});
export type MergeInput = z.input<typeof mergeInputSchema>;

/** One field as the merge shows it side by side. */
export interface MergeField {
  field: string;
  keep: string | number | null;
  merge: string | number | null;
  /** Where the merged firm's value comes from. */
  chosen: 'keep' | 'merge';
  /** The merged firm's CVR always wins over none: the register's identity is not a choice. */
  fixed: boolean;
  /** What a person reads for a stored id (the consultant's or kommune's name); null for other fields. */
  keepShown: string | null;
  mergeShown: string | null;
}

export interface MergePlan {
  keepId: number;
  mergeId: number;
  keepName: string;
  mergeName: string;
  fields: MergeField[];
  /** Records that move to the kept firm, by table; memberships already held by the kept firm are joined. */
  moves: Array<{ table: string; count: number }>;
}
