/**
 * A consultant's own letter kinds: the Settings section, the CLI's `letter-kinds`, the refusals of
 * a template, and each placeholder's example value (shown beside its name, `placeholder.<key>`).
 */
export const letterKinds = {
  'letterKind.subject.company': 'Virksomheden',
  'letterKind.subject.referral': 'En henvisning',
  'letterKind.subject.lag': 'En LAG-ansøgning',
  'letterKind.subject.visit': 'Et besøg',
  'letterKind.subject.network': 'Et netværk (et brev til hvert medlem)',

  'letterKind.title': 'Egne brevtyper',
  'letterKind.intro':
    'Læg din egen Word-skabelon ind som en ny brevtype. Den kommer med i brevmenuerne ved siden af de indbyggede breve. Skabelonen må kun bruge felterne for det, brevet handler om (se listen).',
  'letterKind.empty': 'Ingen egne brevtyper endnu.',
  'letterKind.col.name': 'Navn',
  'letterKind.col.subject': 'Handler om',
  'letterKind.col.template': 'Skabelon',
  'letterKind.col.used': 'Breve skrevet',
  'letterKind.add': 'Tilføj brevtype …',
  'letterKind.addTitle': 'Tilføj brevtype',
  'letterKind.name': 'Navn',
  'letterKind.nameHint': 'Som det skal stå i brevmenuen, fx "Tilbud om mentorforløb"',
  'letterKind.subject': 'Brevet handler om',
  'letterKind.file': 'Word-skabelon (.docx)',
  'letterKind.chooseFile': 'Vælg fil …',
  'letterKind.noFile': 'Ingen fil valgt',
  'letterKind.save': 'Gem brevtype',
  'letterKind.rename': 'Omdøb',
  'letterKind.renameTitle': 'Omdøb brevtype',
  'letterKind.replace': 'Skift skabelon …',
  'letterKind.replaceTitle': 'Ny skabelon til "{name}"',
  'letterKind.remove': 'Fjern',
  'letterKind.removeConfirm':
    'Fjern brevtypen "{name}"? Den forsvinder fra brevmenuerne. Breve, der allerede er skrevet, beholder deres navn.',
  'letterKind.added': 'Brevtypen "{name}" er tilføjet',
  'letterKind.saved': 'Brevtypen "{name}" er gemt',
  'letterKind.removedToast': 'Brevtypen "{name}" er fjernet',
  'letterKind.fields': 'Felter til skabelonen',
  'letterKind.fieldsIntro':
    'Skriv felterne i skabelonen med dobbelte tuborgklammer, fx {example}. Felter med punktum (fx needs.mark1) står i en tabelrække, som gentages for hver linje.',
  'letterKind.fieldsFor': 'Felter når brevet handler om',
  'letterKind.col.field': 'Felt',
  'letterKind.col.label': 'Betydning',
  'letterKind.col.example': 'Eksempel',
  'letterKind.network.make': 'Skriv {kind} til medlemmerne',

  'letterKind.notDocx': '"{file}" er ikke en Word-fil (.docx), der kan læses. Intet er gemt.',
  'letterKind.unknownFields':
    'Skabelonen "{file}" bruger felter, Bindeled ikke kan udfylde for et brev om "{subject}": {fields}. Intet er gemt.',
  'letterKind.nameEmpty': 'Brevtypen skal have et navn',
  'letterKind.nameTaken': 'Der er allerede en brevtype, der hedder "{name}"',
  'letterKind.retired': 'Brevtypen "{name}" er fjernet og kan ikke bruges til nye breve',
  'letterKind.templateMissing':
    'Skabelonen til brevtypen "{name}" findes ikke længere i Bindeleds mappe. Skift skabelon under Indstillinger.',
  'letterKind.noStore': 'Egne brevtyper kræver, at sagsmappen er gemt i en fil',
  'doc.missing.network': 'Brevet handler om et netværk: vælg et netværk, som virksomheden er medlem af',
  'entity.letterKind': 'Brevtypen',
  'letterKind.unknown': 'Ukendt brevtype: brug en indbygget type eller custom:ID',
  'letter.custom.fileStem': '{kind} - {company}',
  'letter.custom.title': '{kind}: {company}',
  'email.subject.custom': '{kind}, {company}',
  'doc.title.custom': 'Eget brev',

  'placeholder.network_name': 'Netværkets navn',
  'placeholder.meeting_date': 'Næste møde: dato',
  'placeholder.meeting_place': 'Næste møde: sted',
  'placeholder.meeting_topic': 'Næste møde: emne',

  'cli.letterKinds.summary': 'Vis, tilføj, omdøb eller fjern egne brevtyper (Word-skabeloner)',
  'cli.letterKinds.usage':
    'letter-kinds list [--json]\n       letter-kinds add FIL --name NAVN --subject company|referral|lag|visit|network [--json]\n       letter-kinds rename ID --name NAVN\n       letter-kinds replace ID FIL\n       letter-kinds remove ID\n       letter-kinds fields --subject EMNE [--json]',
  'cli.letterKinds.action': 'letter-kinds kræver list, add, rename, replace, remove eller fields',
  'cli.letterKinds.fileRequired': 'letter-kinds {action} kræver en .docx-fil',
  'cli.letterKinds.nameRequired': 'letter-kinds {action} kræver --name NAVN',
  'cli.letterKinds.subjectRequired': 'letter-kinds {action} kræver --subject {subjects}',
  'cli.letterKinds.idRequired': 'letter-kinds {action} kræver ID',
  'cli.letterKinds.added': 'Brevtype {id} tilføjet: {name} (brug --kind custom:{id})',
  'cli.letterKinds.renamed': 'Brevtype {id} hedder nu {name}',
  'cli.letterKinds.replaced': 'Brevtype {id} har fået ny skabelon',
  'cli.letterKinds.removed': 'Brevtype {id} fjernet',
  'cli.letterKinds.retired': 'Brevtype {id} fjernet fra brevmenuerne (breve skrevet med den beholder navnet)',
  'cli.letterKinds.none': 'Ingen egne brevtyper',
} as const;
