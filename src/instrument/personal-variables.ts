// The flat variables that hold personal data (questions marked `personal`, instrument.md: contact_email).
// docs/personal-data.md lists them with every other place personal data is kept.
import type { Instrument } from './model.js';

/** Flat variable names of the instrument's personal questions (an e-mail question is one flat variable). */
export function personalVariables(instrument: Instrument): readonly string[] {
  return instrument.sections.flatMap((section) => section.questions.filter((question) => 'personal' in question && question.personal).map((question) => question.id));
}
