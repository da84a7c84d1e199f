import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

const ISO_DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// Copies, not imports of domain/needs.ts: a shipped migration must not change when the domain does.
const VISIT_TYPES = ['visit', 'phone', 'meeting', 'email'];
const NEED_KEYS = [
  'business_plan',
  'financing',
  'sales_marketing',
  'product_development',
  'digitalisation',
  'export',
  'networks',
  'competences',
  'generational_change',
  'other',
];

/**
 * Visits (and calls, meetings, e-mails), their needs and participants, follow-ups, full-text
 * search over visit text, and form drafts.
 *
 * Triggers keep `companies.last_contact` and `companies.next_followup` right whoever writes
 * (forms, CLI, later the caseload-file import), so the caseload table can sort by them through an
 * index instead of aggregating 100,000 firms' visits on every keystroke.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE visits (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      date TEXT NOT NULL CHECK (date ${ISO_DATE}),
      start_time TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
      type TEXT NOT NULL CHECK (type IN (${list(VISIT_TYPES)})),
      consultant_id INTEGER REFERENCES consultants(id),
      location TEXT,
      business_description TEXT,
      needs_text TEXT,
      potential INTEGER CHECK (potential IS NULL OR potential BETWEEN 1 AND 5),
      advice_given INTEGER NOT NULL DEFAULT 0 CHECK (advice_given IN (0, 1)),
      next_steps TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX visits_company ON visits(company_id, date DESC, start_time DESC, id DESC);
    CREATE INDEX visits_date ON visits(date);
    CREATE INDEX visits_consultant ON visits(consultant_id, date);

    -- A join table rather than JSON: the reports count firms per need.
    CREATE TABLE visit_needs (
      visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
      need TEXT NOT NULL CHECK (need IN (${list(NEED_KEYS)})),
      PRIMARY KEY (visit_id, need)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX visit_needs_need ON visit_needs(need);

    CREATE TABLE visit_participants (
      visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (visit_id, contact_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX visit_participants_contact ON visit_participants(contact_id);

    -- The repository refuses this with a field message; the trigger guards every other writer.
    CREATE TRIGGER visit_participants_same_company BEFORE INSERT ON visit_participants
    WHEN (SELECT company_id FROM contacts WHERE id = new.contact_id)
      IS NOT (SELECT company_id FROM visits WHERE id = new.visit_id)
    BEGIN
      SELECT RAISE(ABORT, 'participant_other_company');
    END;

    CREATE TABLE followups (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      -- A promise outlives a visit deleted by mistake.
      visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description TEXT,
      due_date TEXT NOT NULL CHECK (due_date ${ISO_DATE}),
      snoozed_until TEXT CHECK (snoozed_until IS NULL OR snoozed_until ${ISO_DATE}),
      -- When it is really due: a snooze moves it later, never earlier than promised.
      effective_due TEXT GENERATED ALWAYS AS
        (CASE WHEN snoozed_until > due_date THEN snoozed_until ELSE due_date END) VIRTUAL,
      consultant_id INTEGER REFERENCES consultants(id),
      done_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX followups_open_due ON followups(effective_due, id) WHERE done_at IS NULL;
    CREATE INDEX followups_consultant_open ON followups(consultant_id, effective_due) WHERE done_at IS NULL;
    CREATE INDEX followups_company ON followups(company_id, done_at, effective_due);
    CREATE INDEX followups_done ON followups(done_at) WHERE done_at IS NOT NULL;
    CREATE INDEX followups_visit ON followups(visit_id);

    ALTER TABLE companies ADD COLUMN last_contact TEXT;
    ALTER TABLE companies ADD COLUMN next_followup TEXT;
    CREATE INDEX companies_last_contact ON companies(last_contact, name_sort);
    CREATE INDEX companies_next_followup ON companies(next_followup, name_sort);

    CREATE TRIGGER visits_last_contact_insert AFTER INSERT ON visits BEGIN
      UPDATE companies SET last_contact = (SELECT max(date) FROM visits WHERE company_id = new.company_id)
      WHERE id = new.company_id;
    END;
    CREATE TRIGGER visits_last_contact_update AFTER UPDATE OF date, company_id ON visits BEGIN
      UPDATE companies SET last_contact = (SELECT max(date) FROM visits WHERE company_id = old.company_id)
      WHERE id = old.company_id;
      UPDATE companies SET last_contact = (SELECT max(date) FROM visits WHERE company_id = new.company_id)
      WHERE id = new.company_id;
    END;
    CREATE TRIGGER visits_last_contact_delete AFTER DELETE ON visits BEGIN
      UPDATE companies SET last_contact = (SELECT max(date) FROM visits WHERE company_id = old.company_id)
      WHERE id = old.company_id;
    END;

    CREATE TRIGGER followups_next_insert AFTER INSERT ON followups BEGIN
      UPDATE companies SET next_followup = (SELECT min(effective_due) FROM followups
        WHERE company_id = new.company_id AND done_at IS NULL) WHERE id = new.company_id;
    END;
    CREATE TRIGGER followups_next_update AFTER UPDATE OF due_date, snoozed_until, done_at, company_id ON followups
    BEGIN
      UPDATE companies SET next_followup = (SELECT min(effective_due) FROM followups
        WHERE company_id = old.company_id AND done_at IS NULL) WHERE id = old.company_id;
      UPDATE companies SET next_followup = (SELECT min(effective_due) FROM followups
        WHERE company_id = new.company_id AND done_at IS NULL) WHERE id = new.company_id;
    END;
    CREATE TRIGGER followups_next_delete AFTER DELETE ON followups BEGIN
      UPDATE companies SET next_followup = (SELECT min(effective_due) FROM followups
        WHERE company_id = old.company_id AND done_at IS NULL) WHERE id = old.company_id;
    END;

    -- Words, not trigrams: notes are long prose, searched by whole words and prefixes.
    -- remove_diacritics 0 keeps æ, ø and å distinct letters (Danish "får" is not "far").
    -- External content: the text is stored once, in visits.
    CREATE VIRTUAL TABLE visits_fts USING fts5(
      business_description, needs_text, next_steps, notes,
      content = 'visits', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 0'
    );
    -- Deleted notes must leave the index too, not only the table (GDPR; docs/domain.md).
    INSERT INTO visits_fts(visits_fts, rank) VALUES ('secure-delete', 1);

    CREATE TRIGGER visits_fts_insert AFTER INSERT ON visits BEGIN
      INSERT INTO visits_fts(rowid, business_description, needs_text, next_steps, notes)
      VALUES (new.id, new.business_description, new.needs_text, new.next_steps, new.notes);
    END;
    CREATE TRIGGER visits_fts_update
    AFTER UPDATE OF business_description, needs_text, next_steps, notes ON visits BEGIN
      INSERT INTO visits_fts(visits_fts, rowid, business_description, needs_text, next_steps, notes)
      VALUES ('delete', old.id, old.business_description, old.needs_text, old.next_steps, old.notes);
      INSERT INTO visits_fts(rowid, business_description, needs_text, next_steps, notes)
      VALUES (new.id, new.business_description, new.needs_text, new.next_steps, new.notes);
    END;
    CREATE TRIGGER visits_fts_delete AFTER DELETE ON visits BEGIN
      INSERT INTO visits_fts(visits_fts, rowid, business_description, needs_text, next_steps, notes)
      VALUES ('delete', old.id, old.business_description, old.needs_text, old.next_steps, old.notes);
    END;

    -- The same words per company (rowid = company id), for the caseload search box: at 100,000
    -- firms, mapping every matching visit to its firm cost up to 1.8 s for a common word, this
    -- index about a tenth of that. Contentless (no second copy of the text); rows are removed
    -- with FTS5's 'delete' command and the exact text they were indexed with, which secure-delete
    -- needs to clear the words from the file. BEFORE triggers remove a firm's document while its
    -- visits still hold the old text; AFTER triggers index the new text.
    CREATE VIRTUAL TABLE company_notes_fts USING fts5(
      notes, content = '', tokenize = 'unicode61 remove_diacritics 0'
    );
    INSERT INTO company_notes_fts(company_notes_fts, rank) VALUES ('secure-delete', 1);
    ${companyNotesTriggers()}

    -- What a form holds while the consultant types, so a reload or crash loses nothing.
    CREATE TABLE form_drafts (
      key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 120),
      company_id INTEGER REFERENCES companies(id) ON DELETE CASCADE,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX form_drafts_company ON form_drafts(company_id);
  `);
}

/** One firm's visit text, in a fixed order so removing it tokenises exactly what was indexed. */
const companyDoc = (id: string) => `SELECT ${id}, group_concat(
    concat_ws(' ', business_description, needs_text, next_steps, notes), ' ' ORDER BY id)
  FROM visits WHERE company_id = ${id} HAVING count(*) > 0`;
const removeDoc = (id: string) =>
  `INSERT INTO company_notes_fts(company_notes_fts, rowid, notes) SELECT 'delete', * FROM (${companyDoc(id)});`;
const addDoc = (id: string) => `INSERT INTO company_notes_fts(rowid, notes) ${companyDoc(id)};`;
const TEXT_COLUMNS = 'business_description, needs_text, next_steps, notes, company_id';

function companyNotesTriggers(): string {
  return `
    CREATE TRIGGER company_notes_before_insert BEFORE INSERT ON visits BEGIN ${removeDoc('new.company_id')} END;
    CREATE TRIGGER company_notes_after_insert AFTER INSERT ON visits BEGIN ${addDoc('new.company_id')} END;
    CREATE TRIGGER company_notes_before_update BEFORE UPDATE OF ${TEXT_COLUMNS} ON visits BEGIN
      ${removeDoc('old.company_id')}
      INSERT INTO company_notes_fts(company_notes_fts, rowid, notes) SELECT 'delete', * FROM (${companyDoc('new.company_id')})
      WHERE new.company_id IS NOT old.company_id;
    END;
    CREATE TRIGGER company_notes_after_update AFTER UPDATE OF ${TEXT_COLUMNS} ON visits BEGIN
      ${addDoc('old.company_id')}
      INSERT INTO company_notes_fts(rowid, notes) SELECT * FROM (${companyDoc('new.company_id')})
      WHERE new.company_id IS NOT old.company_id;
    END;
    CREATE TRIGGER company_notes_before_delete BEFORE DELETE ON visits BEGIN ${removeDoc('old.company_id')} END;
    CREATE TRIGGER company_notes_after_delete AFTER DELETE ON visits BEGIN ${addDoc('old.company_id')} END;`;
}

export const visits: Migration = { version: 20, name: 'visits', up };
