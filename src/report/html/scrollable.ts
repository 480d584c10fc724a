// WCAG 1.4.10: a table wider than a 320 px screen scrolls inside its own region (focusable, so the keyboard
// can scroll it, and named, so a screen reader says what it is), never the whole page. For the report and
// profile (synchronous fragments) and the web pages (whose fragments may be promises).
import { html } from 'hono/html';
import type { Fragment } from './html.js';

export function scrollable(label: string, table: Fragment): Fragment;
export function scrollable(label: string, table: Fragment | Promise<Fragment>): Fragment | Promise<Fragment>;
export function scrollable(label: string, table: Fragment | Promise<Fragment>): Fragment | Promise<Fragment> {
  return html`<div class="wide" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}
