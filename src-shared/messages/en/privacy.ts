import type { privacy as da } from '../da/privacy';

export const privacy: Record<keyof typeof da, string> = {
  'backup.unavailable': 'A database in memory cannot be backed up',
  'backup.notFound': 'The backup {name} is not in the backups folder',

  'restore.unavailable':
    'A restore cannot happen while the database is in use here. Close Bindeled and use "bindeled restore FILE".',
  'restore.notFound': 'The file does not exist: {path}',
  'restore.sameFile': 'The file is the database in use: {path}',
  'restore.notSqlite': 'The file is not a Bindeled database (not an SQLite file): {path}',
  'restore.corrupt': 'The file is damaged and cannot be restored ({detail})',
  'restore.tooNew':
    'The backup was made by a newer Bindeled (schema {version}, this version knows {supported}). Update Bindeled first.',
  'restore.notBindeled': 'The file is an SQLite database but not a Bindeled database: {path}',
  'restore.migrateFailed':
    "The file could not be brought up to this version's database format and was not restored ({detail}): {path}",
  'restore.busy': 'The database is open in another program (e.g. a command in a terminal). Close it and try again.',

  'privacy.personUnknown': 'No contact person is called {name}',
  'privacy.confirmName': "Type the company's name exactly to confirm the deletion",

  'privacy.log.search': 'Search: "{term}"',
  'privacy.log.searchHits': 'Search: "{term}" ({hits} found)',
  'privacy.log.accessFile': 'file: {path}',
  'privacy.log.personAccessFile': 'Person: {name}; file: {path}',
  'privacy.log.exportFile': 'File: {path}',
  'privacy.log.deletedCompany': 'Company id {id}',
  'privacy.log.anonymiseDue': 'All cases due',
  'privacy.log.anonymisedCount': '{note} ({count} anonymised)',
  'privacy.log.retentionReview': 'Review of cases for anonymisation',
  'privacy.erasedText': '[deleted]',
  'privacy.erasedReason': 'Deleted under the data protection rules (GDPR)',
  'privacy.anonymised.placeholder': '[anonymised]',
  'privacy.anonymised.company': 'Anonymised company {id}',
  'privacy.anonymised.contact': 'Anonymised contact person',
  'privacy.anonymised.followup': 'Follow-up (anonymised)',
  'privacy.anonymised.lagApplication': 'LAG application (anonymised)',

  'privacy.anonymised.person': 'Anonymised',
};
