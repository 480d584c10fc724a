// What the LimeSurvey and SurveyJS importers return (issue 10 item 3): a candidate instrument version, not
// yet validated, and every part of the source that could not be carried over, with the reason in German.

/** One thing the converter dropped or changed. */
export interface ImportFinding {
  /** Where in the source: question code, `code/subquestion`, group or page, or `Umfrage`. */
  readonly path: string;
  /** What was affected, in German (e.g. „Fragetyp D (Datum)“). */
  readonly feature: string;
  /** Why it could not be mapped, or what was assumed instead, in German. */
  readonly reason: string;
}

export interface ConvertedInstrument {
  /** An instrument file document (docs/instrument.schema.json) for validateInstrumentFile. */
  readonly document: CandidateInstrument;
  readonly findings: readonly ImportFinding[];
  /** Source question code → our question id, for the questions that were mapped. */
  readonly questionIds: Readonly<Record<string, string>>;
}

export interface CandidateInstrument {
  readonly version: string;
  readonly title: string;
  readonly sections: readonly unknown[];
  readonly derived: readonly string[];
  readonly comparability?: { readonly previous: string; readonly questions: Readonly<Record<string, never>> };
}

/** What the caller decides, not the source file. */
export interface ConvertOptions {
  readonly version: string;
  /** The previous version to compare with (`comparability.previous`); questions are matched by id. */
  readonly previous?: string;
}

export function candidateInstrument(options: ConvertOptions, title: string, sections: readonly unknown[]): CandidateInstrument {
  return {
    version: options.version,
    title,
    sections,
    derived: [],
    ...(options.previous ? { comparability: { previous: options.previous, questions: {} } } : {}),
  };
}

/** One line of the German mapping report. */
export function findingLine(finding: ImportFinding): string {
  return `${finding.path}: ${finding.feature} – ${finding.reason}`;
}
