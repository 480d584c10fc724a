// One respondent's flat answers as built by the demo sections (instrument.md "Flat variable names").

/** Column → cell; "" is an empty cell (not asked or not answered). */
export type Answers = Record<string, string>;

/** `prefix__option` = "1"/"0" for every option; all "" when `selected` is null (not asked / not answered). */
export function flagColumns(prefix: string, options: readonly string[], selected: ReadonlySet<string> | null): Answers {
  const answers: Answers = {};
  for (const option of options) answers[`${prefix}__${option}`] = selected === null ? '' : selected.has(option) ? '1' : '0';
  return answers;
}
