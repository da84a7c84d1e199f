/** How Bindeled meets the office laptop: files other programs hold, synced folders, updates IT controls. */
export const platform = {
  'file.locked':
    'Filen {path} bruges af et andet program (måske Word, Excel, et antivirusprogram eller OneDrive). Luk den dér, og prøv igen.',
  'file.writtenBesideTaken':
    '{file} er skrevet. {taken} findes i forvejen eller er åben i et andet program (fx Word), så den nye fil fik et andet navn.',
  'storage.synced':
    'Databasen {path} ligger i en mappe, som {service} synkroniserer ({folder}). Synkroniseringen kan ødelægge databasen, mens Bindeled bruger den. Flyt den til {safe}. Breve og eksporter må gerne ligge i den synkroniserede mappe.',
  'storage.network':
    'Databasen {path} ligger på et netværksdrev ({folder}). Et netværksdrev kan ikke låse databasen sikkert, så den kan blive ødelagt. Flyt den til {safe}. Breve og eksporter må gerne ligge på netværksdrevet.',
  'storage.title': 'Databasen ligger et usikkert sted.',
  'update.configInvalid':
    'Opdateringsindstillingerne i {path} kan ikke læses ({reason}). Opdateringer er slået fra, indtil filen er rettet.',
  'update.feedFailed': 'Opdateringsstedet {url} kunne ikke læses: {reason}',
  'update.feedBroken': 'Opdateringsstedet {url} beskriver ingen opdatering, Bindeled kan bruge.',
  'update.badHash':
    'Opdateringen {file} er ikke den, opdateringsstedet beskriver (kontrolsummen passer ikke). Den installeres ikke.',
  'update.badSignature': 'Opdateringen {file} er ikke signeret af {publisher} ({reason}). Den installeres ikke.',
  'update.ready': 'Bindeled {version} er hentet og installeres, når du lukker Bindeled.',
  'update.waiting': 'Opdateringen venter, til de åbne formularer er gemt og kørslerne er færdige.',
  'update.notes': 'Nyt i denne version',
  'update.failedTitle': 'Bindeled kunne ikke hente en opdatering.',
  'update.dismiss': 'Skjul',
};
