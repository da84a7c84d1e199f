import type { cvrRegister as da } from '../da/cvr-register';

/** Import of the CVR register's extracts, and what the register says of a firm. */
export const cvrRegister: Record<keyof typeof da, string> = {
  'format.cvr': 'CVR extract (System-til-System)',
  'cvrImport.importOnly': 'A CVR extract can only be imported. Choose CSV, Excel or a caseload file to export.',
  'cvrImport.notFirm': 'This entry is not a firm from CVR (it is "{kind}").',
  'cvrImport.badCvr': 'The CVR number "{cvr}" is not valid: its check digit does not match.',
  'cvrImport.noName': 'The firm has no name in the CVR extract.',
  'cvrImport.lineNotJson': 'The line is not valid JSON.',
  'cvrImport.notJson':
    'The file {file} is not a CVR extract: it is neither one JSON object per line nor a saved search response.',
  'cvrImport.responseTooLarge':
    'The search response {file} is over {limit} MB. Fetch the extract as one document per line so it can be read piece by piece.',
  'cvrImport.lineTooLong': 'Line {line} of {file} is over {limit} MB and cannot be one firm.',
  'cvrImport.keptLocal': 'Own corrections kept: {fields}',
  'cvrImport.ceasedNote': 'Ceased in CVR',
  'cvrImport.localCorrections': 'Own corrections',
  'cvrImport.localCorrections.keep': 'Keep own corrections',
  'cvrImport.localCorrections.register': 'Use the CVR register’s values',
  'company.badge.reklamebeskyttet': 'Advertising protected',
  'company.badge.reklamebeskyttetHint':
    'The firm has opted out of advertising (CVR). It is left out of campaign exports.',
  'company.badge.ceased': 'Ceased',
  'company.badge.ceasedHint': 'The firm has ceased according to CVR. It is not deleted, so its history is kept.',
};
