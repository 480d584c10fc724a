// The respondent pages' shell: the common layout, with the header linking back into the questionnaire.
import type { Html } from '../page-layout.js';
import { pageLayout } from '../page-layout.js';

export function surveyLayout(title: string, body: Html): Html {
  return pageLayout(title, body, '/umfrage');
}
