/** Backups, restore, erasure, anonymisation, access requests and the access log. */
export const privacy = {
  'backup.unavailable': 'En database i hukommelsen kan ikke sikkerhedskopieres',
  'backup.notFound': 'Sikkerhedskopien {name} findes ikke i mappen med sikkerhedskopier',

  'restore.unavailable':
    'Gendannelse kan ikke ske, mens databasen bruges her. Luk Bindeled og brug "bindeled restore FIL".',
  'restore.notFound': 'Filen findes ikke: {path}',
  'restore.sameFile': 'Filen er selve den database, der er i brug: {path}',
  'restore.notSqlite': 'Filen er ikke en Bindeled-database (ikke en SQLite-fil): {path}',
  'restore.corrupt': 'Filen er beskadiget og kan ikke gendannes ({detail})',
  'restore.tooNew':
    'Sikkerhedskopien er lavet af en nyere Bindeled (skema {version}, denne version kender {supported}). Opdatér Bindeled først.',
  'restore.notBindeled': 'Filen er en SQLite-database, men ikke en Bindeled-database: {path}',
  'restore.migrateFailed':
    'Filen kunne ikke opdateres til denne versions databaseformat og er ikke gendannet ({detail}): {path}',
  'restore.busy': 'Databasen er åben i et andet program (fx en kommando i terminalen). Luk det og prøv igen.',

  'privacy.personUnknown': 'Ingen kontaktperson hedder {name}',
  'privacy.confirmName': 'Skriv virksomhedens navn nøjagtigt for at bekræfte sletningen',

  'privacy.log.search': 'Søgning: "{term}"',
  'privacy.log.searchHits': 'Søgning: "{term}" ({hits} fundet)',
  'privacy.log.accessFile': 'fil: {path}',
  'privacy.log.personAccessFile': 'Person: {name}; fil: {path}',
  'privacy.log.exportFile': 'Fil: {path}',
  'privacy.log.deletedCompany': 'Virksomhed id {id}',
  'privacy.log.anonymiseDue': 'Alle forfaldne sager',
  'privacy.log.anonymisedCount': '{note} ({count} anonymiseret)',
  'privacy.log.retentionReview': 'Gennemgang af sager til anonymisering',
  'privacy.erasedText': '[slettet]',
  'privacy.erasedReason': 'Slettet efter databeskyttelsesreglerne (GDPR)',
  'privacy.anonymised.placeholder': '[anonymiseret]',
  'privacy.anonymised.company': 'Anonymiseret virksomhed {id}',
  'privacy.anonymised.contact': 'Anonymiseret kontaktperson',
  'privacy.anonymised.followup': 'Opfølgning (anonymiseret)',
  'privacy.anonymised.lagApplication': 'LAG-ansøgning (anonymiseret)',

  'privacy.anonymised.person': 'Anonymiseret',
};
