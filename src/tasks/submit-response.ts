// Saving one page and submitting the whole response from the web form (architecture "How a request
// flows"): show-if on the server, issues as data, conditional writes with a three-way merge on conflict.
import { dmError } from '../errors.js';
import type { Issue } from '../instrument/issues.js';
import { mergeConcurrent } from '../instrument/merge-concurrent.js';
import type { FlatResponse, Section } from '../instrument/model.js';
import { checkResponse } from '../instrument/check-response.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import {
  canonicalAnswersJson,
  changedVariables,
  type FormValues,
  mergeSectionAnswers,
  sectionIssues,
  type ShownUnit,
  shownUnits,
} from '../instrument/section-answers.js';
import type { Store, StoredResponse } from '../store/store.js';
import { sha256Hex } from './access-code.js';
import { type Respondent, respondentActor } from './respondent-access.js';

export type SaveResult =
  | { readonly kind: 'saved'; readonly response: StoredResponse; readonly grew: boolean }
  /** 422: re-render showing the questions asked under `stored`, with the `posted` values and the issues. */
  | {
      readonly kind: 'invalid';
      readonly stored: FlatResponse;
      readonly posted: FlatResponse;
      readonly issues: readonly Issue[];
      readonly revision: number;
    }
  | Conflict;

/** 409: `proposal` to re-render at `revision`; `conflicts` differ between the two people. */
export interface Conflict {
  readonly kind: 'conflict';
  readonly current: FlatResponse;
  readonly proposal: FlatResponse;
  readonly conflicts: readonly string[];
  readonly takenOver: readonly string[];
  readonly revision: number;
}

type SaveStore = Pick<Store, 'responseFor' | 'revisionAnswers' | 'writeResponse'>;

/** Saves the posted page `section`, based on `baseRevision`. DM_BAD_REQUEST for fields not on the page. */
export async function saveSection(
  store: SaveStore,
  respondent: Respondent,
  section: Section,
  form: FormValues,
  baseRevision: number,
): Promise<SaveResult> {
  const { wave, ags, instrument } = respondent;
  const current = await store.responseFor(wave.id, ags);
  const revision = current?.revision ?? 0;
  if (revision !== baseRevision) {
    const base = baseRevision === 0 ? {} : await store.revisionAnswers(wave.id, ags, baseRevision);
    return conflictFor(respondent, section, form, base, current);
  }
  const stored = current?.answers ?? {};
  const { answers, posted, unexpected } = mergeSectionAnswers(instrument, section, stored, form);
  if (unexpected.length > 0) throw dmError('DM_BAD_REQUEST', { detail: `unerwartete Felder oder Werte: ${unexpected.slice(0, 5).join(', ')}.` });
  const issues = sectionIssues(instrument, section, answers);
  if (issues.length > 0) return { kind: 'invalid', stored, posted, issues, revision };
  const changed = changedVariables(stored, answers);
  const actor = respondentActor(respondent);
  const result = await store.writeResponse(wave.id, ags, { baseRevision, answers, actor, details: { section: section.id, changed } });
  if (result.kind === 'conflict') return conflictFor(respondent, section, form, result.base, result.current);
  const before = new Set(shownUnits(instrument, section, stored).map(shownKey));
  const grew = shownUnits(instrument, section, answers).some((unit) => !before.has(shownKey(unit)));
  return { kind: 'saved', response: result.response, grew };
}

function shownKey(unit: ShownUnit): string {
  return `${unit.question.id}__${unit.item?.id ?? ''}`;
}

function conflictFor(
  { instrument }: Respondent,
  section: Section,
  form: FormValues,
  base: FlatResponse | null,
  current: StoredResponse | null,
): Conflict {
  const currentAnswers = current?.answers ?? {};
  const mine = mergeSectionAnswers(instrument, section, base ?? currentAnswers, form).answers;
  const index = instrumentIndex(instrument);
  const names = section.questions.flatMap((question) => (index.variablesOfQuestion.get(question.id) ?? []).map((v) => v.name));
  const merged = mergeConcurrent(base, currentAnswers, mine, names);
  return { kind: 'conflict', current: currentAnswers, ...merged, revision: current?.revision ?? 0 };
}

export type SubmitResult =
  | { readonly kind: 'submitted'; readonly response: StoredResponse }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] }
  | { readonly kind: 'conflict'; readonly revision: number };

/** Submits the stored answers as they were at `baseRevision`, with a receipt hash. */
export async function submitResponse(store: SaveStore, respondent: Respondent, baseRevision: number): Promise<SubmitResult> {
  const { wave, ags, instrument } = respondent;
  const current = await store.responseFor(wave.id, ags);
  if ((current?.revision ?? 0) !== baseRevision) return { kind: 'conflict', revision: current?.revision ?? 0 };
  const answers = current?.answers ?? {};
  const issues = checkResponse(instrument, answers);
  if (issues.length > 0) return { kind: 'invalid', issues };
  const submitSha256 = sha256Hex(canonicalAnswersJson(answers));
  const actor = respondentActor(respondent);
  const result = await store.writeResponse(wave.id, ags, { baseRevision, answers, submitSha256, actor, details: { sha256: submitSha256 } });
  return result.kind === 'saved' ? { kind: 'submitted', response: result.response } : { kind: 'conflict', revision: result.current?.revision ?? 0 };
}

/** SHA-256 of the canonical answers, to compare a receipt with the answers as they are now. */
export function answersSha256(answers: FlatResponse): string {
  return sha256Hex(canonicalAnswersJson(answers));
}
