/** Import of the CVR register's extracts, and what the register says of a firm. */
export const cvrRegister = {
  'format.cvr': 'CVR-udtræk (System-til-System)',
  'cvrImport.importOnly': 'Et CVR-udtræk kan kun indlæses. Vælg CSV, Excel eller sagsfil for at eksportere.',
  'cvrImport.notFirm': 'Dokumentet er ikke en virksomhed fra CVR (det er "{kind}").',
  'cvrImport.badCvr': 'CVR-nummeret "{cvr}" er ikke gyldigt: kontrolcifferet passer ikke.',
  'cvrImport.noName': 'Virksomheden har intet navn i CVR-udtrækket.',
  'cvrImport.lineNotJson': 'Linjen er ikke et JSON-dokument.',
  'cvrImport.notJson':
    'Filen {file} er ikke et CVR-udtræk: den er hverken ét JSON-dokument pr. linje eller et gemt søgesvar.',
  'cvrImport.responseTooLarge':
    'Søgesvaret {file} er over {limit} MB. Hent udtrækket som ét dokument pr. linje, så kan det læses bid for bid.',
  'cvrImport.lineTooLong': 'Linje {line} i {file} er over {limit} MB og kan ikke være én virksomhed.',
  'cvrImport.keptLocal': 'Egne rettelser beholdt: {fields}',
  'cvrImport.ceasedNote': 'Ophørt i CVR',
  'cvrImport.localCorrections': 'Egne rettelser',
  'cvrImport.localCorrections.keep': 'Behold egne rettelser',
  'cvrImport.localCorrections.register': 'Brug CVR-registrets værdier',
  'company.badge.reklamebeskyttet': 'Reklamebeskyttet',
  'company.badge.reklamebeskyttetHint': 'Virksomheden har frabedt sig reklamer (CVR). Den udelades af kampagneudtræk.',
  'company.badge.ceased': 'Ophørt',
  'company.badge.ceasedHint': 'Virksomheden er ophørt ifølge CVR. Den slettes ikke, så dens historik bevares.',
} as const;
