// The one HTML tag of the report: every interpolation is escaped (hono/html); `raw` only for our own SVG.
import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Fragment = HtmlEscapedString;
export { raw };

/** Escaping tag template; synchronous (the report has no async parts). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  const result = honoHtml(strings, ...values);
  if (result instanceof Promise) throw new TypeError('Der Bericht wird synchron erzeugt');
  return result;
}
