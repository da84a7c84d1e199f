import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** A firm's LinkedIn page, beside its website. */
function up(db: Database): void {
  db.exec('ALTER TABLE companies ADD COLUMN linkedin TEXT');
}

export const companyLinkedin: Migration = { version: 110, name: 'company-linkedin', up };
