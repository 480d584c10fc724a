// Review before submission: every asked question with its answer, per section with a link to change it.
import { html } from 'hono/html';
import type { Issue } from '../../instrument/issues.js';
import type { FlatResponse, Instrument } from '../../instrument/model.js';
import { shownUnits } from '../../instrument/section-answers.js';
import type { StoredResponse } from '../../store/store.js';
import type { Html } from '../page-layout.js';
import { answerText, respondentMessage, unitTitle } from './answer-text.js';
import { germanDateTime, logoutForm } from './respondent-pages.js';
import { surveyLayout } from './survey-layout.js';

export interface ReviewView {
  readonly instrument: Instrument;
  readonly waveTitle: string;
  readonly response: StoredResponse | null;
  /** Whether the stored answers still hash to the receipt. */
  readonly unchangedSinceSubmit: boolean;
  readonly issues?: readonly Issue[];
  readonly conflict?: boolean;
}

export function reviewPage(view: ReviewView): Html {
  const { instrument, response } = view;
  const answers: FlatResponse = response?.answers ?? {};
  const submitted = response?.status === 'submitted' && response.receipt !== null;
  const issues = view.issues ?? [];
  const body = html`<p class="step">${view.waveTitle}</p>
<h1>Übersicht Ihrer Antworten</h1>
${view.conflict ? html`<div class="box" role="alert"><p>Inzwischen hat jemand anderes Antworten gespeichert. Bitte prüfen Sie die Übersicht und schicken Sie dann ab.</p></div>` : ''}
${issues.length > 0 ? html`<div class="box" role="alert"><h2>Bitte korrigieren Sie zuerst:</h2><ul>${issues.map((issue) => html`<li>${respondentMessage(instrument, issue)}</li>`)}</ul></div>` : ''}
${instrument.sections.map((section, i) => {
  const units = shownUnits(instrument, section, answers);
  return html`<h2>${i + 1}. ${section.title}</h2>
<p><a href="/umfrage/seite/${i + 1}">Seite ${i + 1} ändern<span class="vh">: ${section.title}</span></a></p>
<dl class="answers">${units.map((unit) => html`<dt>${unitTitle(unit)}</dt><dd>${answerText(unit, answers)}</dd>`)}</dl>`;
})}
${submitted ? html`<p class="box info">Abgeschickt am ${germanDateTime(response.receipt!.at)}.${view.unchangedSinceSubmit ? '' : ' Seitdem wurden Antworten geändert – bitte erneut abschicken.'} <a href="/umfrage/quittung">Quittung</a></p>` : ''}
<form method="post" action="/umfrage/abschicken">
<input type="hidden" name="revision" value="${response?.revision ?? 0}">
<p><button>${submitted ? 'Erneut abschicken' : 'Antworten abschicken'}</button></p>
</form>
${logoutForm()}`;
  return surveyLayout(issues.length > 0 ? 'Fehler: Übersicht' : 'Übersicht', body);
}
