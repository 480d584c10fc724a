import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// System fonts only, no framework runtime (PRODUCT.md "Slow lines").
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{border-bottom:3px solid #004b87}
a{color:#004b87}a:focus,button:focus{outline:3px solid #f0a000;outline-offset:2px}
table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.demo{background:#fff4ce;border:2px solid #8a6d00;padding:.5rem 1rem}
.grid{display:flex;flex-wrap:wrap;gap:0 2rem}
footer{border-top:1px solid #bbb;margin-top:2rem;font-size:.875rem;color:#444}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
`;

export const REGISTER_ATTRIBUTION =
  'Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, Gebietsstand 31.12.2024, © Statistische Ämter des Bundes und der Länder, 2025; Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0); Daten verändert (umformatiert, Leerzeichen in Namen normalisiert, gemeindefreie Gebiete entfernt, Kreissummen gebildet).';

/** The page shell: German, skip link, one landmark each, the register attribution in the footer. */
export function pageLayout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kommunaler Digitalmonitor</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header><p><strong><a href="/">Kommunaler Digitalmonitor</a></strong> – Wie sind die Kommunen digital aufgestellt?</p></header>
<main id="inhalt">
${body}
</main>
<footer>
<p>${REGISTER_ATTRIBUTION} <a href="https://www.govdata.de/dl-de/by-2-0">Lizenztext</a></p>
</footer>
</body>
</html>`;
}
