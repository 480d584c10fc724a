// German number formatting for the report (seed: "14 %", "rund ein Viertel", "knapp 30 %").

/** A share as whole percent with a narrow no-break space before the sign, German style: 0.1408 → "14 %". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}\u00a0%`;
}

/** A number with German decimal comma: 1.5 → "1,5". */
export function formatDecimal(value: number, digits = 1): string {
  return value.toFixed(digits).replace('.', ',');
}

/** Common fractions that read better as words, in the order they are tried. */
const FRACTIONS: readonly { readonly value: number; readonly words: string }[] = [
  { value: 1 / 2, words: 'die Hälfte' },
  { value: 1 / 4, words: 'ein Viertel' },
  { value: 3 / 4, words: 'drei Viertel' },
  { value: 1 / 3, words: 'ein Drittel' },
  { value: 2 / 3, words: 'zwei Drittel' },
  { value: 1 / 5, words: 'ein Fünftel' },
  { value: 1 / 6, words: 'ein Sechstel' },
];

/**
 * A share in words, for running text. Thresholds (in percentage points, pp):
 * - within 0.5 pp of ½, ¼, ¾, ⅓, ⅔, ⅕ or ⅙ → the fraction: "ein Viertel";
 * - within 2 pp of one of them → "rund ein Viertel" ("etwa" is not used, one word for one meaning);
 * - 0 < (next multiple of 10) − p ≤ 2 pp → "knapp 30 %";
 * - 0 < p − (previous multiple of 10) ≤ 2 pp → "gut 30 %";
 * - otherwise the whole percent: "14 %".
 */
export function describeShare(share: number): string {
  const points = share * 100;
  for (const fraction of FRACTIONS) {
    const distance = Math.abs(points - fraction.value * 100);
    if (distance <= 0.5) return fraction.words;
    if (distance <= 2) return `rund ${fraction.words}`;
  }
  const above = Math.ceil(points / 10) * 10;
  const below = Math.floor(points / 10) * 10;
  if (above - points > 0 && above - points <= 2) return `knapp ${above}\u00a0%`;
  if (points - below > 0 && points - below <= 2 && below > 0) return `gut ${below}\u00a0%`;
  return formatPercent(share);
}

/** Capitalises the first letter (sentence start): "ein Viertel" → "Ein Viertel". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A share in percent with one decimal, for small rates: 0.0373 → "3,7 %". */
export function formatPercentOneDecimal(share: number): string {
  return `${formatDecimal(share * 100, 1)}\u00a0%`;
}
