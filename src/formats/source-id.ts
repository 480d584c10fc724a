// Source codes (LimeSurvey question codes, SurveyJS names and values) as our ids: lower snake case,
// `^[a-z0-9]+(_[a-z0-9]+)*$` (instrument.md), unique within their scope.

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/** `strategyStatus` → `strategy_status`, `A1` → `a1`, `Größe (qm)` → `groesse_qm`; '' when nothing is left. */
export function sourceId(code: string): string {
  return code
    .replace(/[äöüßÄÖÜ]/g, (letter) => UMLAUTS[letter]!)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
}

/** Hands out unique ids in one scope (questions of a survey, options of a question …). */
export class IdScope {
  readonly #taken = new Set<string>();

  /** The id for `code`; `fallback` when the code has no usable characters; `_2`, `_3` … on collisions. */
  take(code: string, fallback: string): string {
    const base = sourceId(code) || fallback;
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}_${n}`;
    this.#taken.add(id);
    return id;
  }
}
