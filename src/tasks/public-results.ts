// statistics.md "Disclosure control" as every public output applies it (report, explorer, open data):
// with the questionnaire's filters, and the recodes, counts and "or" flags among its derived variables
// (docs/disclosure.md).
import { suppressResults, type PublicResultsDocument } from '../analysis/disclosure/suppress-results.js';
import type { ResultsDocument } from '../analysis/results-document.js';
import { DERIVED_RECODES_2019 } from '../instrument/derived-recodes-2019.js';
import { DERIVED_TALLIES_2019 } from '../instrument/derived-tallies-2019.js';
import { DERIVED_UNIONS_2019 } from '../instrument/derived-unions-2019.js';
import type { Instrument } from '../instrument/model.js';
import { questionFilters } from '../instrument/question-filters.js';

/** @param counts for a weighted `doc`: the unweighted document of the same analysis */
export function publicResults(instrument: Instrument, doc: ResultsDocument, k: number, counts?: ResultsDocument): PublicResultsDocument {
  return suppressResults(doc, k, { ...(counts ? { counts } : {}), filters: questionFilters(instrument), recodes: DERIVED_RECODES_2019, tallies: DERIVED_TALLIES_2019, unions: DERIVED_UNIONS_2019 });
}
