/** A letter sent on: its e-mail draft (`.eml`) and its PDF copy. The drafts' words are Danish like the letters. */
export const correspondence = {
  'email.subject.vaeksthus': 'Henvisning af {company}',
  'email.subject.lag': 'Udkast til LAG-ansøgning fra {company}',
  'email.subject.visit-summary': 'Referat af vores møde, {company}',
  'email.subject.deminimis': 'Erklæring om de minimis-støtte til {company}',
  'email.subject.brev': 'Brev til {company}',
  'email.greeting': 'Kære {name}',
  'email.greeting.anyone': 'Goddag',
  'email.body.vaeksthus':
    '{greeting}\n\nHermed henviser vi {company} til jer. Henvisningsbrevet med virksomhedens oplysninger og behov er vedhæftet.\n\nSkriv endelig, hvis I mangler noget.\n\nVenlig hilsen\n{signature}',
  'email.body.lag':
    '{greeting}\n\nVedhæftet er udkastet til LAG-ansøgningen fra {company} med budget og finansiering.\n\nSkriv endelig, hvis I har spørgsmål.\n\nVenlig hilsen\n{signature}',
  'email.body.visit-summary':
    '{greeting}\n\nTak for et godt møde. Vedhæftet er referatet med det, vi aftalte.\n\nSkriv endelig, hvis noget skal rettes.\n\nVenlig hilsen\n{signature}',
  'email.body.deminimis':
    '{greeting}\n\nVedhæftet er erklæringen om de minimis-støtte, som virksomheden skal underskrive. Den viser den støtte, vi kender til, loftet og hvor meget der er tilbage. Tilføj anden støtte, I har fået, før I skriver under.\n\nVenlig hilsen\n{signature}',
  'email.body.brev': '{greeting}\n\nVedhæftet er et brev fra os.\n\nVenlig hilsen\n{signature}',
  'email.attachmentOtherFirm': 'Bilaget {name} hører til en anden virksomhed',
  'email.attachmentMissing': 'Bilaget {name} findes ikke længere på disken; find det igen under Bilag',
  'email.letterMissing': 'Brevet findes ikke længere på {path}; dan det igen først',
  'email.send': 'Send som e-mail',
  'email.dialogTitle': 'Send som e-mail',
  'email.intro': 'Bindeled skriver en e-mailkladde med {file} vedhæftet og åbner den i dit mailprogram.',
  'email.introBrowser':
    'Bindeled skriver en e-mailkladde med {file} vedhæftet; den hentes, og du åbner den i dit mailprogram.',
  'email.chooseAttachments': 'Vedhæft også',
  'email.noAttachments': 'Virksomheden har ingen bilag.',
  'email.attachmentMissingTag': 'mangler',
  'email.write': 'Skriv e-mail',
  'email.writing': 'Skriver …',
  'email.written': 'E-mailkladden {file} er skrevet',
  'email.noRecipient': 'Modtageren har ingen e-mailadresse i Bindeled; skriv den i mailprogrammet.',
  'email.alsoDraft': 'Skriv også en e-mailkladde til hvert brev',
  'leftovers.kind.pdf': 'PDF-konverteringer',
  'pdf.notInstalled':
    'LibreOffice er ikke installeret på denne computer, så Bindeled kan ikke lave PDF. Hent det gratis på libreoffice.org (Windows og macOS; på Linux pakken libreoffice), og prøv igen. Word-filen er skrevet som sædvanlig.',
  'pdf.failed': 'LibreOffice kunne ikke lave PDF: {reason}',
  'pdf.setting.notBoolean': 'skal være sand eller falsk',
  'pdf.make': 'Lav PDF',
  'pdf.making': 'Laver PDF …',
  'pdf.written': 'PDF-filen {file} er skrevet',
  'pdf.settingsTitle': 'PDF',
  'pdf.always': 'Lav altid en PDF ved siden af Word-filen',
  'pdf.found': 'LibreOffice findes her: {path}',
  'pdf.alsoPdf': 'Lav også en PDF af hvert brev',
  'pdf.batchDone': '{count} PDF-filer er skrevet.',
};
