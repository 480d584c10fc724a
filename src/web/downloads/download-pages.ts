// The download pages (issue 8): public open data of a closed wave, and the analysts' microdata exports.
import { html } from 'hono/html';
import type { User } from '../../store/store.js';
import type { ExportFile } from '../../formats/export-dataset.js';
import { analystLayout } from '../analyst/analyst-layout.js';
import { type Html, pageLayout } from '../page-layout.js';

const FILE_TEXTS: Readonly<Record<string, string>> = {
  'tabellen.csv': 'Alle Tabellen als CSV (eine Zeile je Zelle, Komma, UTF-8)',
  'tabellen.json': 'Alle Tabellen als JSON (Ergebnisdokument mit Geheimhaltung)',
  'dcat.jsonld': 'Metadaten nach DCAT-AP.de 3.0 (JSON-LD) für GovData',
};

export function openDataPage(wave: { readonly id: string; readonly title: string; readonly demo: boolean }, files: readonly ExportFile[], k: number, license: string): Html {
  const base = `/opendata/${encodeURIComponent(wave.id)}`;
  return pageLayout(
    `Offene Daten: ${wave.title}`,
    html`<h1>Offene Daten: ${wave.title}</h1>
${wave.demo ? html`<p><strong>Synthetische Demo-Daten, keine Angaben echter Kommunen.</strong></p>` : ''}
<p>Aggregierte Ergebnisse der Befragung, keine Einzelangaben: Zellen mit weniger als ${k} Kommunen sind gesperrt,
ebenso die Zellen, aus denen sie sich zurückrechnen ließen. Lizenz: ${license}.</p>
<ul>${files.map((file) => html`<li><a href="${base}/${file.name}">${file.name}</a> – ${FILE_TEXTS[file.name] ?? ''} (${size(file.data)})</li>`)}</ul>`,
  );
}

export interface ExportLink {
  readonly href: string;
  readonly label: string;
}

export function microdataPage(user: User, wave: { readonly id: string; readonly title: string; readonly status: string }, links: readonly ExportLink[]): Html {
  return analystLayout(
    `Export: ${wave.title}`,
    user,
    html`<h1>Export: ${wave.title}</h1>
<p>Mikrodaten nur für Analystinnen und Analysten, nur abgeschickte Antworten. Codes: -1 nicht gefragt, -2 nicht
beantwortet. Kontakt-E-Mail und Anmerkungen (direkte Identifikatoren) nur im internen Export für Admins.</p>
<ul>${links.map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}</ul>
${
  wave.status === 'closed'
    ? html`<p>Öffentlich: <a href="/opendata/${wave.id}">offene Daten dieser Welle</a>.</p>`
    : html`<p>Öffentlich: die offenen Daten dieser Welle erscheinen nach Abschluss der Befragung unter /opendata/${wave.id}.</p>`
}`,
  );
}

function size(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
  return `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}
