import type { keyboard as da } from '../da/keyboard';

export const keyboard: Record<keyof typeof da, string> = {
  'keys.title': 'Keyboard shortcuts',
  'keys.open': 'Keyboard shortcuts (?)',
  'keys.close': 'Close',
  'keys.section.everywhere': 'Everywhere',
  'keys.section.company': 'On a company',
  'keys.section.visit': 'In a visit',
  'keys.section.caseload': 'In the caseload',
  'keys.search': 'Search (in the caseload, elsewhere in the notes)',
  'keys.help': 'Show this overview',
  'keys.newVisit': 'Record a visit',
  'keys.visitNeeds': 'Go to needs',
  'keys.visitFollowUp': 'Add a follow-up',
  'keys.visitSave': 'Save the visit',
  'keys.visitClose': 'Close without saving',
  'keys.toRows': 'From the search box to the rows',
  'keys.rows': 'Move between rows and open',
  'keys.tabs': 'Switch tab',
};
