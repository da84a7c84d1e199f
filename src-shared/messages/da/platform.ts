/** How Bindeled meets the office laptop: files other programs hold, synced folders, updates IT controls. */
export const platform = {
  'file.locked':
    'Filen {path} bruges af et andet program (måske Word, Excel, et antivirusprogram eller OneDrive). Luk den dér, og prøv igen.',
  'file.writtenBesideTaken':
    '{file} er skrevet. {taken} findes i forvejen eller er åben i et andet program (fx Word), så den nye fil fik et andet navn.',
};
