import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { APP_CSS_PATH } from './app-css.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const REGISTER_ATTRIBUTION =
  'Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, Gebietsstand 31.12.2024, © Statistische Ämter des Bundes und der Länder, 2025; Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0); Daten verändert (umformatiert, Leerzeichen in Namen normalisiert, gemeindefreie Gebiete entfernt, Kreissummen gebildet).';

/**
 * The page shell: German, skip link, one landmark each, the register attribution in the footer. A `nav`
 * goes into the header, before <main>, so that the skip link jumps over it.
 */
export function pageLayout(title: string, body: Html, home = '/', nav?: Html): Html {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kommunaler Digitalmonitor</title>
<link rel="stylesheet" href="${APP_CSS_PATH}">
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header><p><strong><a href="${home}">Kommunaler Digitalmonitor</a></strong> – Wie sind die Kommunen digital aufgestellt?</p>${nav ?? ''}</header>
<main id="inhalt">
${body}
</main>
<footer>
<p>${REGISTER_ATTRIBUTION} <a href="https://www.govdata.de/dl-de/by-2-0">Lizenztext</a></p>
</footer>
</body>
</html>`;
}
