import {
  NEED_KEYS,
  type NeedKey,
  POTENTIAL_LEVELS,
  type PotentialLevel,
  VISIT_TYPES,
  type VisitType,
} from '../../../src-shared/codes/visits';

export { NEED_KEYS, type NeedKey, POTENTIAL_LEVELS, type PotentialLevel, VISIT_TYPES, type VisitType };

/** The texts of these codes live in the message catalogue (`need_*`, `visit_type_*`, `potential_*`). */

export const needLabelKey = (need: NeedKey) => `need_${need}` as const;
export const visitTypeLabelKey = (type: VisitType) => `visit_type_${type}` as const;
export const potentialLabelKey = (level: PotentialLevel) => `potential_${level}` as const;
