import type { Consultant } from '../reference/reference-types';

/** Who sits at the keyboard: "Mine" everywhere, the audit log's author, the letters' signer. */
export interface Identity {
  name: string;
  role: string;
  /** The consultant record of that name; null until a name is set. */
  consultant: Consultant | null;
  /** True when the name comes from the CLI's `--as`, not from settings. */
  actingAs: boolean;
}
