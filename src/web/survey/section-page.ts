// One section of the instrument as one page: "Seite 3 von 9", error summary on top, fields with their
// messages, conflict notice, and the three actions (forward first, so Enter goes forward).
import { html } from 'hono/html';
import type { Issue } from '../../instrument/issues.js';
import type { FlatResponse, Instrument } from '../../instrument/model.js';
import { type ShownUnit, shownUnits } from '../../instrument/section-answers.js';
import type { Html } from '../page-layout.js';
import { answerText, respondentMessage, unitKey, unitTitle } from './answer-text.js';
import { questionFields } from './question-fields.js';
import { surveyLayout } from './survey-layout.js';

export interface SectionView {
  readonly instrument: Instrument;
  readonly waveTitle: string;
  /** 1-based page number. */
  readonly page: number;
  /** Stored answers: decide which questions are shown (and so which fields the next post may carry). */
  readonly stored: FlatResponse;
  /** What the fields show: stored, or posted (422), or merged (409). */
  readonly values: FlatResponse;
  readonly revision: number;
  readonly issues?: readonly Issue[];
  readonly conflict?: { readonly current: FlatResponse; readonly conflicts: readonly string[]; readonly takenOver: readonly string[] };
  /** Notice after a save that revealed further questions on the page. */
  readonly grew?: boolean;
}

export function sectionPage(view: SectionView): Html {
  const { instrument, page } = view;
  const section = instrument.sections[page - 1]!;
  const units = shownUnits(instrument, section, view.stored);
  const errors = errorsByUnit(view);
  const conflicts = conflictsByUnit(units, view);
  const state = { values: view.values, errors, conflicts };
  const count = instrument.sections.length;
  // A page that saved nothing says so first (2.4.2), errors as well as a conflict with another session.
  const title = `${errors.size > 0 || view.conflict ? 'Fehler: ' : ''}${section.title} (Seite ${page} von ${count})`;
  // Focus goes to the first notice (without script: autofocus), so a screen reader reads it on arrival (4.1.3).
  const focus = (box: 'errors' | 'conflict' | 'grew') =>
    box === ((view.issues ?? []).length > 0 ? 'errors' : view.conflict ? 'conflict' : 'grew') ? html` tabindex="-1" autofocus` : '';
  const body = html`<p class="step">${view.waveTitle} · Seite ${page} von ${count}</p>
<h1>${section.title}</h1>
${view.grew ? html`<div class="box info" role="status"${focus('grew')}><p>Aufgrund Ihrer Antwort gibt es weitere Fragen auf dieser Seite. Bitte ergänzen Sie sie.</p></div>` : ''}
${errorSummary(view, units, focus('errors'))}${conflictBox(view, units, focus('conflict'))}
<form method="post" action="/umfrage/seite/${page}" novalidate>
<input type="hidden" name="revision" value="${view.revision}">
${section.questions.map((question) => {
  const own = units.filter((unit) => unit.question === question);
  return own.length === 0 ? '' : questionFields(question, own, state);
})}${units.length === 0 ? html`<p>Nach Ihren bisherigen Antworten gibt es auf dieser Seite keine Fragen für Sie.</p>` : ''}
<p><button name="aktion" value="weiter">${page === count ? 'Weiter zur Übersicht' : 'Weiter'}</button><button class="sec" name="aktion" value="zurueck">Zurück</button><button class="sec" name="aktion" value="speichern">Speichern und später weitermachen</button></p>
</form>`;
  return surveyLayout(title, body);
}

function errorsByUnit(view: SectionView): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const issue of view.issues ?? []) {
    const key = issueKey(issue);
    errors.set(key, [...(errors.get(key) ?? []), respondentMessage(view.instrument, issue)]);
  }
  return errors;
}

function issueKey(issue: Issue): string {
  const question = String(issue.params?.question ?? issue.path[0] ?? '');
  const item = issue.params?.item ?? issue.path[1];
  return item === undefined ? question : `${question}__${item}`;
}

function conflictsByUnit(units: readonly ShownUnit[], view: SectionView): Map<string, string> {
  const conflicts = new Map<string, string>();
  if (!view.conflict) return conflicts;
  const names = new Set(view.conflict.conflicts);
  for (const unit of units) {
    if (unit.variables.some((v) => names.has(v.name))) conflicts.set(unitKey(unit), answerText(unit, view.conflict.current));
  }
  return conflicts;
}

function errorSummary(view: SectionView, units: readonly ShownUnit[], focus: Html | string): Html | string {
  const issues = view.issues ?? [];
  if (issues.length === 0) return '';
  const shown = new Set(units.map(unitKey));
  return html`<div class="box" role="alert" aria-labelledby="fehler-titel"${focus}>
<h2 id="fehler-titel">Bitte prüfen Sie Ihre Angaben (${issues.length} ${issues.length === 1 ? 'Hinweis' : 'Hinweise'})</h2>
<ul>${issues.map((issue) => {
    const message = respondentMessage(view.instrument, issue);
    const key = issueKey(issue);
    return html`<li>${shown.has(key) ? html`<a href="#i-${key}">${message}</a>` : message}</li>`;
  })}</ul>
</div>
`;
}

function conflictBox(view: SectionView, units: readonly ShownUnit[], focus: Html | string): Html | string {
  if (!view.conflict) return '';
  const { conflicts, takenOver } = view.conflict;
  const touched = (names: readonly string[]) => units.filter((unit) => unit.variables.some((v) => names.includes(v.name)));
  return html`<div class="box" role="alert" aria-labelledby="konflikt-titel"${focus}>
<h2 id="konflikt-titel">Jemand anderes hat diese Seite inzwischen gespeichert</h2>
<p>Es wurde nichts überschrieben, auch Ihre Eingabe ist noch nicht gespeichert.</p>
${conflicts.length > 0 ? html`<p>Unterschiedlich beantwortet (im Formular steht Ihre Eingabe; bitte entscheiden Sie und speichern Sie erneut):</p>
<ul>${touched(conflicts).map((unit) => html`<li><a href="#i-${unitKey(unit)}">${unitTitle(unit)}</a>: gespeichert „${answerText(unit, view.conflict!.current)}“, Ihre Eingabe „${answerText(unit, view.values)}“</li>`)}</ul>` : ''}
${takenOver.length > 0 ? html`<p>Nur von der anderen Person geändert und ins Formular übernommen: ${touched(takenOver).map(unitTitle).join('; ')}.</p>` : ''}
<p><a href="/umfrage/seite/${view.page}">Meine Eingaben verwerfen und den gespeicherten Stand laden</a></p>
</div>
`;
}
