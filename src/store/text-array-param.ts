// A text[] query parameter as PostgreSQL's array literal (PGlite and pg both pass it through as text).

/** `{"a","b"}`; keys are the questionnaire's variable names, which never hold quotes or backslashes. */
export function textArrayParam(values: readonly string[]): string {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}
