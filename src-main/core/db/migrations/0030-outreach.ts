import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

interface SchemeSeed {
  code: string;
  name: string;
  kind: 'lag' | 'advice' | 'other';
  operator: string;
  maxGrantBp: number;
  maxGrantBpFood?: number;
  minAmountOre?: number;
  maxAmountOre?: number;
  ownHoursAllowed: boolean;
  deMinimis: boolean;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

/**
 * Support schemes as data (docs/domain.md): limits change between programme periods, so the consultant
 * edits them; these are the starting values. Kept inside the migration so a shipped step never
 * changes when the seed is revised later.
 */
const SCHEME_SEED: readonly SchemeSeed[] = [
  {
    code: 'lag_erhverv_2007',
    name: 'LAG-tilskud til erhvervsprojekter (Landdistriktsprogrammet 2007–2013)',
    kind: 'lag',
    operator: 'Den lokale LAG (tilsagn fra NaturErhvervstyrelsen)',
    maxGrantBp: 5000,
    maxGrantBpFood: 4000,
    minAmountOre: 5_000_000,
    ownHoursAllowed: true,
    deMinimis: true,
    validFrom: '2007-01-01',
    validTo: '2013-12-31',
    note: 'Højst 50 % af de støtteberettigede udgifter, 40 % for fødevareforarbejdende SMV. Minimumsbeløbet er LAG-specifikt. De minimis: højst 200.000 EUR over tre regnskabsår.',
  },
  {
    code: 'lag_erhverv_2014',
    name: 'LAG-tilskud til erhvervsprojekter (Landdistriktsprogrammet 2014–2020)',
    kind: 'lag',
    operator: 'Den lokale LAG (tilsagn fra den ansvarlige styrelse)',
    maxGrantBp: 5000,
    maxGrantBpFood: 4000,
    minAmountOre: 5_000_000,
    ownHoursAllowed: true,
    deMinimis: true,
    validFrom: '2014-01-01',
    validTo: '2022-12-31',
    note: 'Myndighedens navn skifter mellem programperioder; kontrollér satser i LAGs udviklingsstrategi.',
  },
  {
    code: 'vaeksthus_specialraadgivning',
    name: 'Tilskud til køb af specialiseret rådgivning (Væksthus Midtjylland)',
    kind: 'advice',
    operator: 'Væksthus Midtjylland',
    maxGrantBp: 5000,
    ownHoursAllowed: false,
    deMinimis: true,
    validFrom: '2007-01-01',
    validTo: '2018-12-31',
    note: 'Typisk 50 % af udgiften til ekstern specialiseret rådgivning; beløbsgrænser efter aftale med væksthuset.',
  },
  {
    code: 'erhvervshus_raadgivning',
    name: 'Medfinansieret specialiseret rådgivning (Erhvervshus Midtjylland)',
    kind: 'advice',
    operator: 'Erhvervshus Midtjylland',
    maxGrantBp: 5000,
    ownHoursAllowed: false,
    deMinimis: true,
    validFrom: '2019-01-01',
    note: 'Erhvervshuset afgør tilskud og beløbsgrænser; satsen her er en tommelfingerregel.',
  },
];

/**
 * what connects a firm to help — referrals, LAG applications with budget lines, support
 * schemes as data, knowledge contacts, networks with members and meetings, and the Word documents
 * generated for a company. Money is whole øre (INTEGER), shares are basis points (1 % = 100),
 * dates are ISO text. Rows belonging to a company go with it (GDPR deletion), organisations and
 * schemes stay (they are reference data, RESTRICT).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE support_schemes (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('lag', 'advice', 'other')),
      operator TEXT NOT NULL,
      max_grant_bp INTEGER NOT NULL CHECK (max_grant_bp BETWEEN 0 AND 10000),
      max_grant_bp_food INTEGER CHECK (max_grant_bp_food IS NULL OR max_grant_bp_food BETWEEN 0 AND 10000),
      min_amount_ore INTEGER CHECK (min_amount_ore IS NULL OR min_amount_ore >= 0),
      max_amount_ore INTEGER CHECK (max_amount_ore IS NULL OR max_amount_ore >= 0),
      own_hours_allowed INTEGER NOT NULL DEFAULT 1 CHECK (own_hours_allowed IN (0, 1)),
      de_minimis INTEGER NOT NULL DEFAULT 1 CHECK (de_minimis IN (0, 1)),
      valid_from TEXT,
      valid_to TEXT,
      note TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE referrals (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      organisation_id INTEGER NOT NULL REFERENCES organisations(id),
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      consultant_id INTEGER REFERENCES consultants(id),
      scheme_id INTEGER REFERENCES support_schemes(id),
      case_ref TEXT,
      reason TEXT NOT NULL,
      needs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(needs) AND json_type(needs) = 'array'),
      needs_text TEXT,
      background TEXT,
      first_contact_on TEXT,
      local_actions TEXT,
      requested_action TEXT,
      consent_on TEXT,
      annexes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(annexes) AND json_type(annexes) = 'array'),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'in_progress',
        'closed', 'declined')),
      sent_at TEXT,
      received_at TEXT,
      closed_at TEXT,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('grant_awarded', 'advice_given', 'no_grant',
        'declined_by_firm', 'other')),
      outcome_amount_ore INTEGER CHECK (outcome_amount_ore IS NULL OR outcome_amount_ore >= 0),
      outcome_on TEXT,
      outcome_note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (status = 'draft' OR sent_at IS NOT NULL),
      CHECK (outcome IS NOT 'grant_awarded' OR (outcome_amount_ore IS NOT NULL AND outcome_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX referrals_company ON referrals(company_id, created_at);
    CREATE INDEX referrals_status ON referrals(status, sent_at);
    CREATE INDEX referrals_sent ON referrals(sent_at);

    CREATE TABLE lag_applications (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      lag_id INTEGER NOT NULL REFERENCES organisations(id),
      scheme_id INTEGER REFERENCES support_schemes(id),
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      consultant_id INTEGER REFERENCES consultants(id),
      title TEXT NOT NULL,
      theme TEXT,
      purpose TEXT,
      activities TEXT,
      effect_jobs REAL CHECK (effect_jobs IS NULL OR effect_jobs >= 0),
      effect_turnover_ore INTEGER CHECK (effect_turnover_ore IS NULL OR effect_turnover_ore >= 0),
      effect_products TEXT,
      effect_other TEXT,
      period_start TEXT,
      period_end TEXT,
      food_processing INTEGER NOT NULL DEFAULT 0 CHECK (food_processing IN (0, 1)),
      grant_requested_ore INTEGER NOT NULL DEFAULT 0 CHECK (grant_requested_ore >= 0),
      own_cash_ore INTEGER NOT NULL DEFAULT 0 CHECK (own_cash_ore >= 0),
      own_hours REAL NOT NULL DEFAULT 0 CHECK (own_hours >= 0),
      own_hours_ore INTEGER NOT NULL DEFAULT 0 CHECK (own_hours_ore >= 0),
      other_public_ore INTEGER NOT NULL DEFAULT 0 CHECK (other_public_ore >= 0),
      other_public_source TEXT,
      de_minimis_prior_ore INTEGER CHECK (de_minimis_prior_ore IS NULL OR de_minimis_prior_ore >= 0),
      annexes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(annexes) AND json_type(annexes) = 'array'),
      deadline TEXT,
      status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'drafting', 'submitted', 'recommended',
        'approved', 'rejected', 'paid', 'closed')),
      submitted_at TEXT,
      decided_at TEXT,
      grant_awarded_ore INTEGER CHECK (grant_awarded_ore IS NULL OR grant_awarded_ore >= 0),
      paid_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
      CHECK (status IN ('idea', 'drafting', 'closed') OR submitted_at IS NOT NULL)
    ) STRICT;
    CREATE INDEX lag_applications_company ON lag_applications(company_id, created_at);
    CREATE INDEX lag_applications_status ON lag_applications(status, submitted_at);

    CREATE TABLE lag_budget_lines (
      id INTEGER PRIMARY KEY,
      application_id INTEGER NOT NULL REFERENCES lag_applications(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      category TEXT NOT NULL,
      description TEXT NOT NULL,
      supplier TEXT,
      amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0),
      quote_ref TEXT,
      UNIQUE (application_id, position)
    ) STRICT;

    CREATE TABLE knowledge_contacts (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      organisation_id INTEGER REFERENCES organisations(id),
      person_name TEXT,
      type TEXT NOT NULL CHECK (type IN ('institution', 'researcher', 'mentor', 'other')),
      contact_on TEXT NOT NULL,
      topic TEXT,
      outcome TEXT,
      consultant_id INTEGER REFERENCES consultants(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (organisation_id IS NOT NULL OR person_name IS NOT NULL)
    ) STRICT;
    CREATE INDEX knowledge_contacts_company ON knowledge_contacts(company_id, contact_on);
    CREATE INDEX knowledge_contacts_date ON knowledge_contacts(contact_on);

    CREATE TABLE networks (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      theme TEXT,
      founded_on TEXT NOT NULL,
      facilitator TEXT,
      kommune_code INTEGER REFERENCES kommuner(code),
      description TEXT,
      ended_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (ended_on IS NULL OR ended_on >= founded_on)
    ) STRICT;
    CREATE INDEX networks_founded ON networks(founded_on);

    CREATE TABLE network_members (
      id INTEGER PRIMARY KEY,
      network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      joined_on TEXT NOT NULL,
      left_on TEXT,
      CHECK (left_on IS NULL OR left_on >= joined_on)
    ) STRICT;
    CREATE INDEX network_members_network ON network_members(network_id);
    CREATE INDEX network_members_company ON network_members(company_id);

    CREATE TABLE network_meetings (
      id INTEGER PRIMARY KEY,
      network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
      held_on TEXT NOT NULL,
      place TEXT,
      topic TEXT,
      attendees INTEGER CHECK (attendees IS NULL OR attendees >= 0),
      note TEXT
    ) STRICT;
    CREATE INDEX network_meetings_network ON network_meetings(network_id, held_on);

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('vaeksthus', 'lag', 'visit-summary')),
      path TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      template_id TEXT NOT NULL,
      referral_id INTEGER REFERENCES referrals(id) ON DELETE SET NULL,
      lag_application_id INTEGER REFERENCES lag_applications(id) ON DELETE SET NULL,
      -- No foreign key: visits belong to another migration and may be deleted on their own schedule.
      visit_id INTEGER,
      letter_date TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_company ON documents(company_id, created_at);
  `);

  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const insert = db.prepare(
    `INSERT INTO support_schemes(code, name, kind, operator, max_grant_bp, max_grant_bp_food, min_amount_ore,
      max_amount_ore, own_hours_allowed, de_minimis, valid_from, valid_to, note, created_at)
     VALUES (@code, @name, @kind, @operator, @maxGrantBp, @maxGrantBpFood, @minAmountOre, @maxAmountOre,
      @ownHoursAllowed, @deMinimis, @validFrom, @validTo, @note, @createdAt)`,
  );
  for (const s of SCHEME_SEED) {
    insert.run({
      ...s,
      maxGrantBpFood: s.maxGrantBpFood ?? null,
      minAmountOre: s.minAmountOre ?? null,
      maxAmountOre: s.maxAmountOre ?? null,
      ownHoursAllowed: s.ownHoursAllowed ? 1 : 0,
      deMinimis: s.deMinimis ? 1 : 0,
      validFrom: s.validFrom ?? null,
      validTo: s.validTo ?? null,
      note: s.note ?? null,
      createdAt: now,
    });
  }
}

export const outreach: Migration = { version: 30, name: 'outreach', up };
