import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { customKindId, type LetterKindRef } from '../../../src-shared/codes/documents';
import { todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { defaultDocumentsDir } from '../app/paths';
import { getCompany } from '../companies/company-repo';
import type { Company } from '../companies/schema';
import { DomainError } from '../errors';
import { safeFileName } from '../files/safe-file-name';
import { type Locale, message } from '../messages';
import { TemplateFiller } from '../ooxml/docx-template';
import { getTextSetting, settingProblemMessage } from '../settings/settings-repo';
import { letterheadValues, letterText } from './common-values';
import { type DocumentRecord, getDocument, recordDocuments } from './document-repo';
import type {
  BatchPreflight,
  BatchResult,
  DocumentKind,
  GeneratedDocument,
  Preflight,
  PreflightIssue,
} from './document-schema';
import { draftFor } from './email-draft';
import { customLetterBuilder } from './kinds/custom-letter';
import { buildDeMinimisDeclaration } from './kinds/deminimis-declaration';
import { buildFreeLetter } from './kinds/free-letter';
import type { BuildRequest, Built, FreeLetterInput, Issue, KindBuilder, KindBuilders } from './kinds/kind-types';
import { buildLagDraft } from './kinds/lag-draft';
import { buildReferralLetter } from './kinds/referral-letter';
import { buildVisitSummary } from './kinds/visit-summary';
import { getLetterKind } from './letter-kinds';
import { type Letterhead, readLetterhead } from './letterhead';
import { type LoadedTemplate, loadKindTemplate, loadTemplate } from './templates';
import { BatchFiles, prepareFolder, recordLetterCopy, type WrittenFile, wantedFileName } from './write-file';

const BUILDERS: KindBuilders = {
  vaeksthus: buildReferralLetter,
  lag: buildLagDraft,
  'visit-summary': buildVisitSummary,
  deminimis: buildDeMinimisDeclaration,
  brev: buildFreeLetter,
};

export interface DocRequest {
  kind: LetterKindRef;
  companyId: number;
  referralId?: number;
  applicationId?: number;
  visitId?: number;
  networkId?: number;
  meetingId?: number;
  letterDate?: string;
  letter?: FreeLetterInput;
}

interface Prepared {
  company: Company;
  built: Built;
  missing: Issue[];
  warnings: Issue[];
  letterDate: string;
}

/**
 * What a kind is made with: its builder, its template and its names. A built-in kind has its
 * own; a consultant's kind (`custom:<id>`) reads its values like the built-in kind about the same
 * record (kinds/custom-letter.ts) and fills its own template from the store.
 */
interface KindPlan {
  ref: LetterKindRef;
  /** What the documents table records: the built-in kind, or `custom` with the kind's id. */
  stored: DocumentKind | 'custom';
  letterKindId: number | null;
  /** The consultant's name for the kind; null for a built-in kind. */
  name: string | null;
  builder: KindBuilder;
  template: LoadedTemplate;
}

async function planFor(db: Database, ref: LetterKindRef, locale: Locale): Promise<KindPlan> {
  const id = customKindId(ref);
  if (id === null) {
    const kind = ref as DocumentKind;
    const template = await loadTemplate(db, kind, locale);
    return { ref, stored: kind, letterKindId: null, name: null, builder: BUILDERS[kind], template };
  }
  const own = await getLetterKind(db, id);
  if (own.removedAt !== null) throw new DomainError('invalid_input', 'letterKind.retired', { name: own.name });
  return {
    ref,
    stored: 'custom',
    letterKindId: own.id,
    name: own.name,
    builder: customLetterBuilder(own.name, own.subject),
    template: await loadKindTemplate(db, own, locale),
  };
}

function letterheadIssues(lh: Letterhead, kind: LetterKindRef): { missing: Issue[]; warnings: Issue[] } {
  const missing: Issue[] = [];
  // A setting edited by hand into something unreadable is used as empty: say so, naming it.
  const warnings: Issue[] = lh.unreadable
    .filter((p) => !p.key.startsWith('documents.template.') || p.key === `documents.template.${kind}`)
    .map(settingProblemMessage);
  if (!lh.organisation) missing.push({ key: 'doc.missing.letterhead' });
  if (!lh.signatureName) missing.push({ key: 'doc.missing.signature' });
  if (!lh.logoPath) warnings.push({ key: 'doc.missing.logo' });
  else if (!lh.logo) warnings.push({ key: 'doc.logoUnreadable', params: { path: lh.logoPath } });
  return { missing, warnings };
}

function prepare(db: Database, req: DocRequest, lh: Letterhead, plan: KindPlan): Prepared {
  const company = getCompany(db, req.companyId);
  const letterDate = req.letterDate ?? todayIso();
  const buildReq: BuildRequest = {
    referralId: req.referralId,
    applicationId: req.applicationId,
    visitId: req.visitId,
    networkId: req.networkId,
    meetingId: req.meetingId,
    letterDate,
    letter: req.letter,
  };
  const built = plan.builder(db, company, buildReq);
  const head = letterheadIssues(lh, req.kind);
  return {
    company,
    built,
    missing: [...head.missing, ...built.missing],
    warnings: [...head.warnings, ...built.warnings],
    letterDate,
  };
}

function translate(issues: readonly Issue[], locale: Locale): PreflightIssue[] {
  return issues.map((i) => ({ code: i.key, message: message(i.key, i.params ?? {}, locale) }));
}

function templateIssues(t: LoadedTemplate): PreflightIssue[] {
  return t.check.problems;
}

/** What stands in the way of a document, in words for the consultant, before anything is written. */
export async function preflightDocument(db: Database, req: DocRequest, locale: Locale = 'da'): Promise<Preflight> {
  const plan = await planFor(db, req.kind, locale);
  const p = prepare(db, req, readLetterhead(db), plan);
  const missing = [...templateIssues(plan.template), ...translate(p.missing, locale)];
  return {
    kind: req.kind,
    companyId: p.company.id,
    companyName: p.company.name,
    ready: missing.length === 0,
    missing,
    warnings: translate(p.warnings, locale),
  };
}

export async function preflightBatch(
  db: Database,
  kind: LetterKindRef,
  companyIds: readonly number[],
  locale: Locale = 'da',
  letter?: FreeLetterInput,
  about: Pick<DocRequest, 'networkId' | 'meetingId'> = {},
): Promise<BatchPreflight> {
  const plan = await planFor(db, kind, locale);
  const lh = readLetterhead(db);
  const out: BatchPreflight = { ready: [], blocked: [] };
  for (const companyId of new Set(companyIds)) {
    const p = prepare(db, { kind, companyId, letter, ...about }, lh, plan);
    const missing = [...templateIssues(plan.template), ...translate(p.missing, locale)];
    if (missing.length) out.blocked.push({ companyId, companyName: p.company.name, missing });
    else out.ready.push(companyId);
  }
  return out;
}

/** The folder documents go to: the one asked for, else the setting, else "Dokumenter" beside the database. */
export function documentsFolder(db: Database, explicit?: string): string {
  if (explicit) return explicit;
  const setting = getTextSetting(db, 'documents.folder');
  if (setting) return setting;
  return defaultDocumentsDir(db.name === ':memory:' ? process.cwd() : db.name);
}

function incomplete(missing: PreflightIssue[]): DomainError {
  return new DomainError(
    'invalid_input',
    'doc.incomplete',
    { reasons: missing.map((m) => m.message).join('; ') },
    missing.map((m) => ({ field: m.code, message: m.message })),
  );
}

/**
 * The template filler for a kind's letters: the letterhead (and its logo, the costliest patch) and
 * the properties are the same in every letter, so they are filled once per shape of letter, and
 * only each letter's own values per letter.
 */
function fillerFor(plan: KindPlan, lh: Letterhead, letterDate: string): TemplateFiller {
  return new TemplateFiller(
    plan.template.bytes,
    { text: letterheadValues(lh, letterDate), rows: {}, logo: lh.logo ?? null },
    documentProperties(lh, plan),
    path.basename(plan.template.path),
  );
}

function letterOf(p: Prepared) {
  return { text: p.built.text, rows: p.built.rows, title: p.built.title };
}

/** The document properties Word shows under File > Info, other than the title. */
function documentProperties(lh: Letterhead, plan: KindPlan) {
  return {
    subject: plan.name ?? letterText(labelKey.documentTitle(plan.stored as DocumentKind)),
    creator: lh.signatureName || 'Bindeled',
    lastModifiedBy: lh.signatureName || 'Bindeled',
    description: letterText('letter.madeWith'),
  };
}

function recordOf(plan: KindPlan, p: Prepared, file: WrittenFile): DocumentRecord {
  return {
    companyId: p.company.id,
    kind: plan.stored,
    letterKindId: plan.letterKindId,
    file,
    templateId: plan.template.id,
    letterDate: p.letterDate,
    sources: p.built.sources,
  };
}

const stemOf = (p: Prepared) => `${p.built.fileStem} - ${p.letterDate}`;

/** The letter's e-mail draft, made before the letter has its final name (the attachment keeps the plain one). */
function emailOf(db: Database, lh: Letterhead, plan: KindPlan, p: Prepared, letter: Buffer): Buffer {
  return draftFor(
    { db, lh },
    {
      kind: plan.ref,
      kindName: plan.name,
      companyId: p.company.id,
      companyName: p.company.name,
      referralId: p.built.sources.referralId,
      lagApplicationId: p.built.sources.lagApplicationId,
      fileName: `${safeFileName(stemOf(p), 'dokument')}.docx`,
    },
    letter,
  );
}

/**
 * Records the letters of a batch (and the e-mail draft beside each, when written) in the
 * transaction that promises their renames; `written` holds each letter's file, then its draft.
 */
function recordWritten(
  db: Database,
  plan: KindPlan,
  prepared: readonly Prepared[],
  written: readonly WrittenFile[],
  email: boolean,
): Array<{ id: number; emailDraft?: string }> {
  const step = email ? 2 : 1;
  const ids = recordDocuments(
    db,
    prepared.map((p, i) => recordOf(plan, p, written[i * step] as WrittenFile)),
  );
  return ids.map((id, i) => {
    if (!email) return { id };
    const draft = written[i * step + 1] as WrittenFile;
    recordLetterCopy(db, { id, companyId: (prepared[i] as Prepared).company.id }, draft, 'email-draft');
    return { id, emailDraft: draft.path };
  });
}

function withDraft(db: Database, r: { id: number; emailDraft?: string }): GeneratedDocument {
  const doc = getDocument(db, r.id);
  return r.emailDraft ? { ...doc, emailDraft: r.emailDraft } : doc;
}

/** Makes one document, writes it crash-safely into the folder and records it against the company. */
export async function generateDocument(
  db: Database,
  req: DocRequest & { folder?: string; email?: boolean },
  locale: Locale = 'da',
): Promise<GeneratedDocument> {
  const plan = await planFor(db, req.kind, locale);
  const lh = readLetterhead(db);
  const p = prepare(db, req, lh, plan);
  const missing = [...templateIssues(plan.template), ...translate(p.missing, locale)];
  if (missing.length) throw incomplete(missing);
  const dir = prepareFolder(documentsFolder(db, req.folder));
  const bytes = await fillerFor(plan, lh, p.letterDate).fill(letterOf(p));
  const email = req.email === true;
  const draft = email ? emailOf(db, lh, plan, p, bytes) : null;
  const files = new BatchFiles(db, dir, email ? 2 : 1);
  try {
    files.add(stemOf(p), bytes);
    if (draft) files.addBeside(draft, 'eml');
    files.flushSync();
    const [r] = files.commit((written) => recordWritten(db, plan, [p], written, email));
    const doc = withDraft(db, r as { id: number; emailDraft?: string });
    // A letter regenerated while the earlier one is open in Word cannot replace it: the user is told
    // which name the new one took instead.
    const wanted = wantedFileName(dir, stemOf(p));
    return doc.fileName === wanted ? doc : { ...doc, takenName: wanted };
  } catch (err) {
    files.discard();
    throw err;
  }
}

export interface BatchOptions {
  signal?: AbortSignal;
  progress?: (done: number, total: number, text?: string) => void;
  locale?: Locale;
}

/**
 * Many companies' documents as one job, all or nothing: on cancel or failure every file written so
 * far is deleted and nothing is recorded, and a crash leaves all letters recorded or none
 * (BatchFiles). Incomplete companies stop the batch before anything is
 * written, unless `skipIncomplete` asks to make the rest and list them.
 */
export async function generateBatch(
  db: Database,
  req: {
    kind: LetterKindRef;
    companyIds: readonly number[];
    /** The network a letter about a network is written for. */
    networkId?: number;
    meetingId?: number;
    folder?: string;
    letterDate?: string;
    skipIncomplete?: boolean;
    email?: boolean;
    /** A free letter's words, the same to every firm (each addressed to the firm itself). */
    letter?: FreeLetterInput;
  },
  opts: BatchOptions = {},
): Promise<BatchResult> {
  const started = performance.now();
  const locale = opts.locale ?? 'da';
  const plan = await planFor(db, req.kind, locale);
  if (!plan.template.check.ok) throw incomplete(templateIssues(plan.template));
  const lh = readLetterhead(db);
  const prepared: Prepared[] = [];
  const skipped: BatchResult['skipped'] = [];
  const about = { networkId: req.networkId, meetingId: req.meetingId };
  for (const companyId of new Set(req.companyIds)) {
    const p = prepare(
      db,
      { kind: req.kind, companyId, letterDate: req.letterDate, letter: req.letter, ...about },
      lh,
      plan,
    );
    if (p.missing.length)
      skipped.push({ companyId, companyName: p.company.name, missing: translate(p.missing, locale) });
    else prepared.push(p);
  }
  if (skipped.length && !req.skipIncomplete) {
    throw new DomainError(
      'invalid_input',
      'doc.batch.incomplete',
      { count: skipped.length },
      skipped.map((s) => ({
        field: `company.${s.companyId}`,
        message: `${s.companyName}: ${s.missing.map((m) => m.message).join('; ')}`,
      })),
    );
  }
  if (prepared.length === 0) throw new DomainError('invalid_input', 'doc.batch.empty');
  const dir = prepareFolder(documentsFolder(db, req.folder));
  const filler = fillerFor(plan, lh, prepared[0]?.letterDate ?? todayIso());
  const email = req.email === true;
  const files = new BatchFiles(db, dir, prepared.length * (email ? 2 : 1));
  try {
    for (const [i, p] of prepared.entries()) {
      if (opts.signal?.aborted) throw new DomainError('cancelled', 'error.cancelled');
      const bytes = await filler.fill(letterOf(p));
      files.add(stemOf(p), bytes);
      if (email) files.addBeside(emailOf(db, lh, plan, p, bytes), 'eml');
      opts.progress?.(i + 1, prepared.length, p.company.name);
      // Rendering no longer waits on anything: let a cancel (and the progress message) through.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (opts.signal?.aborted) throw new DomainError('cancelled', 'error.cancelled');
    await files.flush();
    const rows = files.commit((written) => recordWritten(db, plan, prepared, written, email));
    return {
      documents: rows.map((r) => withDraft(db, r)),
      skipped,
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (err) {
    files.discard();
    throw err;
  }
}
