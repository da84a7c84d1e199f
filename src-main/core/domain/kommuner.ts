/** Region Midtjylland's 19 kommuner with their official codes (docs/domain.md). */
export const KOMMUNER: ReadonlyArray<{ code: number; name: string }> = [
  { code: 710, name: 'Favrskov' },
  { code: 766, name: 'Hedensted' },
  { code: 657, name: 'Herning' },
  { code: 661, name: 'Holstebro' },
  { code: 615, name: 'Horsens' },
  { code: 756, name: 'Ikast-Brande' },
  { code: 665, name: 'Lemvig' },
  { code: 707, name: 'Norddjurs' },
  { code: 727, name: 'Odder' },
  { code: 730, name: 'Randers' },
  { code: 760, name: 'Ringkøbing-Skjern' },
  { code: 741, name: 'Samsø' },
  { code: 740, name: 'Silkeborg' },
  { code: 746, name: 'Skanderborg' },
  { code: 779, name: 'Skive' },
  { code: 671, name: 'Struer' },
  { code: 706, name: 'Syddjurs' },
  { code: 791, name: 'Viborg' },
  { code: 751, name: 'Aarhus' },
];

export function kommuneName(code: number | null | undefined): string | undefined {
  return KOMMUNER.find((k) => k.code === code)?.name;
}
