// The 16 Länder: two-letter code, AGS prefix and German name (shared/data/README.md).
export interface State {
  readonly code: string;
  readonly agsPrefix: string;
  readonly name: string;
}

export const STATES: readonly State[] = Object.freeze(
  (
    [
      ['SH', 'Schleswig-Holstein'],
      ['HH', 'Hamburg'],
      ['NI', 'Niedersachsen'],
      ['HB', 'Bremen'],
      ['NW', 'Nordrhein-Westfalen'],
      ['HE', 'Hessen'],
      ['RP', 'Rheinland-Pfalz'],
      ['BW', 'Baden-Württemberg'],
      ['BY', 'Bayern'],
      ['SL', 'Saarland'],
      ['BE', 'Berlin'],
      ['BB', 'Brandenburg'],
      ['MV', 'Mecklenburg-Vorpommern'],
      ['SN', 'Sachsen'],
      ['ST', 'Sachsen-Anhalt'],
      ['TH', 'Thüringen'],
    ] as const
  ).map(([code, name], index) => Object.freeze({ code, name, agsPrefix: String(index + 1).padStart(2, '0') })),
);

export function stateByCode(code: string): State | undefined {
  return STATES.find((state) => state.code === code);
}
