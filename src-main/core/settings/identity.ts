import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { currentConsultant } from '../followups/current-consultant';
import { ensureConsultant, listConsultants } from '../reference/reference-data';
import type { Consultant } from '../reference/reference-types';
import type { Identity } from './identity-types';
import { actAs, getTextSetting, isActingAs, myName, setSetting } from './settings-repo';

export function readIdentity(db: Database): Identity {
  return {
    name: myName(db),
    role: getTextSetting(db, 'user.role'),
    consultant: currentConsultant(db),
    actingAs: isActingAs(db),
  };
}

/**
 * Sets the user's own name and role (first run, Settings). The name becomes a consultant at once,
 * so "Mine" has someone to mean and the name is offered in every consultant list.
 */
export function setIdentity(db: Database, input: { name: string; role?: string }): Identity {
  db.transaction(() => {
    setSetting(db, 'user.name', input.name);
    if (input.role !== undefined) setSetting(db, 'user.role', input.role);
    if (input.name) ensureConsultant(db, input.name);
  })();
  return readIdentity(db);
}

/** A consultant by the name a user typed (case and spacing aside); refused with the known names. */
export function consultantByName(db: Database, typed: string): Consultant {
  const wanted = typed.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  const all = listConsultants(db);
  const found = all.find((c) => c.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === wanted);
  if (!found) {
    throw new DomainError('not_found', 'identity.unknownConsultant', {
      name: typed,
      known: all.map((c) => c.name).join(', ') || '–',
    });
  }
  return found;
}

/** The CLI's `--as NAME`: this connection works as that consultant; nothing is stored. */
export function actAsConsultant(db: Database, typed: string): Consultant {
  const c = consultantByName(db, typed);
  actAs(db, c.name);
  return c;
}
