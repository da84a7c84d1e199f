import {
  NEED_KEYS,
  type NeedKey,
  POTENTIAL_LEVELS,
  type PotentialLevel,
  VISIT_TYPES,
  type VisitType,
} from '../../../src-shared/codes/visits';

export { NEED_KEYS, type NeedKey, POTENTIAL_LEVELS, type PotentialLevel, VISIT_TYPES, type VisitType };
