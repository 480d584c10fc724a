// The codebook as one self-contained German HTML page (escaped by hono/html, no script).
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { buildCodebook, type CodebookVariable } from './codebook.js';
import type { ExportDataset } from './export-dataset.js';

const SOURCES = { key: 'Schlüssel', register: 'Gemeindeverzeichnis', question: 'Frage', derived: 'abgeleitet', weight: 'Gewicht' } as const;
const MEASURES = { nominal: 'nominal', ordinal: 'ordinal', scale: 'metrisch' } as const;
const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 });
const CSS = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
td.n{text-align:right}code{background:#f3f3f3;padding:0 .2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}`;

export function formatCodebookHtml(dataset: ExportDataset): string {
  const book = buildCodebook(dataset);
  const page = html`<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Codebuch – ${book.title}</title><style>${CSS}</style></head>
<body>
<h1>Codebuch: ${book.title}</h1>
<p>Welle <code>${book.wave}</code>, ${book.n} Antworten${book.weighted ? ', mit Gewicht' : ''}. Häufigkeiten ungewichtet.
Fehlende Werte: <code>-1</code> nicht gefragt (Filterführung), <code>-2</code> nicht beantwortet
(bei abgeleiteten Variablen: eine Angabe, von der sie abhängt, fehlt).</p>
${book.demo ? html`<p><strong>Synthetische Demo-Daten, keine Angaben echter Kommunen.</strong></p>` : ''}
<nav><h2>Variablen</h2><ol>${book.variables.map((variable) => html`<li><a href="#${variable.name}">${variable.name}</a></li>`)}</ol></nav>
${book.variables.map(variableSection)}
</body>
</html>
`;
  return sync(page).toString();
}

function variableSection(variable: CodebookVariable): HtmlEscapedString {
  return sync(html`<section id="${variable.name}">
<h2><code>${variable.name}</code></h2>
<dl>
<dt>Frage / Beschriftung</dt><dd>${variable.label}</dd>
<dt>Herkunft</dt><dd>${SOURCES[variable.source]}</dd>
<dt>Typ</dt><dd>${variable.type}</dd>
<dt>Messniveau</dt><dd>${MEASURES[variable.measure]}</dd>
${variable.show_if ? html`<dt>Filter</dt><dd>${variable.show_if}</dd>` : ''}
${variable.definition ? html`<dt>Definition</dt><dd>${variable.definition}</dd>` : ''}
${variable.identifying ? html`<dt>Datenschutz</dt><dd>Direkter Identifikator: nur im internen Export</dd>` : ''}
${variable.summary ? html`<dt>Gewichte</dt><dd>Minimum ${NUMBER.format(variable.summary.min)}, Maximum ${NUMBER.format(variable.summary.max)}, Mittel ${NUMBER.format(variable.summary.mean)}</dd>` : ''}
</dl>
${variable.frequencies
  ? html`<table><thead><tr><th>Code</th><th>Wert</th><th>Beschriftung</th><th>Anzahl</th></tr></thead><tbody>
${variable.frequencies.map((row) => html`<tr><td>${row.code}</td><td>${row.value ?? ''}</td><td>${row.label}</td><td class="n">${row.n}</td></tr>`)}
</tbody></table>`
  : ''}
</section>
`);
}

function sync(value: HtmlEscapedString | Promise<HtmlEscapedString>): HtmlEscapedString {
  if (value instanceof Promise) throw new TypeError('Das Codebuch wird synchron erzeugt');
  return value;
}
