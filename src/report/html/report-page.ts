// The report as one self-contained German HTML page (issue 5): results → string. Order of the seed:
// "Auf einen Blick", Einleitung und Methodik, chapters 1–6 with statements and Abb. 1–10, the six
// Handlungsempfehlungen, methods annex, licence and data attribution. No clock, no network, no scripts.
import type { SizeClass } from '../../register/unit.js';
import { SIZE_CLASS_LABELS } from '../../register/size-class-labels.js';
import { type ReportFigure, reportFigures } from '../charts/report-figures.js';
import { type ReportMap, reportMaps } from '../charts/report-maps.js';
import { describeShare, formatPercent, formatPercentOneDecimal } from '../format-share.js';
import { type AnyResults, groupBases, readsNotAsked, shareOf, type ShareQuery } from '../read-results.js';
import type { ResponseRates } from '../response-rates.js';
import { ALPHA, buildStatements, type ChapterId, STATEMENT_BUILDERS, type Statement } from '../statements.js';
import { figureHtml } from './figure-html.js';
import { BKG_ATTRIBUTION, BKG_URL, mapFigureHtml } from './map-figure-html.js';
import { type Fragment, html, raw } from './html.js';
import { REPORT_CSS } from './report-css.js';
import { TREND_CHAPTER_ID, trendChapterHtml, trendChapterTitle } from './trend-chapter.js';
import type { TrendDocument } from '../../analysis/trend/trend-document.js';
import { INTRODUCTION, RECOMMENDATIONS, REGISTER_ATTRIBUTION, REPORT_SOURCE } from './seed-texts.js';
import { scrollable } from './scrollable.js';
import { suppressedCounts } from '../../analysis/disclosure/suppress-counts.js';

export interface ReportMeta {
  readonly title: string;
  /** Field period in words, e.g. "1. Dezember 2018 bis 28. Februar 2019"; absent: not stated. */
  readonly period?: string;
  /** Synthetic demo data: a banner on top says so. */
  readonly demo: boolean;
  /** Link this stylesheet (served with the same CSS, REPORT_CSS) instead of inlining it: for a web CSP without inline styles. */
  readonly stylesheet?: string;
  /** Units of the register (Gemeindeverzeichnis) by Land and by size class, for the sample comparison. */
  readonly register?: RegisterCounts;
  /** Disclosure control applied (public report) with this minimum cell count. */
  readonly suppressionK?: number;
  /** Web only: address of the public results explorer of this wave, linked from the contents. */
  readonly explorerLink?: string;
  /** Respondents and target population by Land (methods annex, Karte 1); absent: not reported. */
  readonly responseRates?: ResponseRates;
  /** Issue 9: the trend since an earlier comparable wave → chapter "Entwicklung seit <Welle>"; absent: no chapter. */
  readonly trend?: TrendDocument;
}

export interface RegisterCounts {
  readonly byState: Readonly<Record<string, number>>;
  readonly bySize: Readonly<Record<string, number>>;
}

interface Chapter {
  readonly id: ChapterId;
  readonly title: string;
  /** Statement ids, figure numbers and map ids ("karte-2") in the seed's order. */
  readonly items: readonly (string | number)[];
}

const CHAPTERS: readonly Chapter[] = [
  { id: 'egov', title: '1. E-Government gemeinsam angehen!', items: ['egov_at_most_two', 1, 2, 'fim', 'karte-2'] },
  { id: 'daten', title: '2. Daten nutzen!', items: [3, 'data_instruments', 'data_uses', 4, 'data_use_by_strategy'] },
  { id: 'strategie', title: '3. Strategien entwickeln!', items: ['strategy_or_developing', 'strategy_fields', 'strategy_goals', 'strategy_links', 5] },
  { id: 'chefsache', title: '4. Digitalisierung zur Chefsache machen!', items: [6, 'chefsache', 'responsible_admin', 'responsible_community'] },
  { id: 'kompetenzen', title: '5. Digitalisierung braucht Kompetenzen!', items: [7, 'training_by_strategy', 'training_developing', 8] },
  { id: 'infrastruktur', title: '6. Die Infrastruktur ist nicht der Flaschenhals!', items: ['fiber_engaged', 9, 'broadband_grades', 'broadband_by_groups', 10] },
];

/** The whole report as an HTML document string. */
export function renderReport(results: AnyResults, meta: ReportMeta): string {
  const statements = buildStatements(results);
  const figures = reportFigures(results);
  const maps = reportMaps(results, meta.responseRates, meta.suppressionK);
  const statement = (id: string) => statements.find((candidate) => candidate.id === id);
  const page = html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
${meta.stylesheet === undefined ? html`<style>${raw(REPORT_CSS)}</style>` : html`<link rel="stylesheet" href="${meta.stylesheet}">`}
</head>
<body>
<a href="#bericht" class="skip">Zum Bericht springen</a>
<header id="titel">
${meta.demo ? html`<p class="demo-banner" role="note">Demo-Daten: Dieser Bericht beruht auf synthetischen Beispieldaten, nicht auf einer echten Befragung. Keine Aussage gilt für wirkliche Kommunen.</p>` : ''}
<p>Kommunaler Digitalmonitor · Welle ${results.wave}</p>
<h1>${meta.title}</h1>
</header>
<nav aria-label="Inhalt"><h2>Inhalt</h2><ul>
<li><a href="#methodik">Einleitung und Methodik</a></li>
${CHAPTERS.map((chapter) => html`<li><a href="#${chapter.id}">${chapter.title}</a></li>`)}${meta.trend ? html`\n<li><a href="#${TREND_CHAPTER_ID}">${trendChapterTitle(meta.trend)}</a></li>` : ''}
<li><a href="#empfehlungen">Was zu tun ist: Handlungsempfehlungen</a></li>
<li><a href="#anhang">Methodenanhang</a></li>
<li><a href="#lizenz">Lizenz und Datenquellen</a></li>${
  meta.explorerLink === undefined ? '' : html`\n<li><a href="${meta.explorerLink}">Ergebnisse selbst erkunden (alle Fragen, beliebige Gruppen, CSV)</a></li>`
}
</ul></nav>
<main id="bericht">
<section aria-labelledby="auf-einen-blick">
<h2 id="auf-einen-blick">Auf einen Blick</h2>
${headlines(results)}
${['strategy_shares', 'egov_components', 'community_offers', 'strategy_among_groups', 'community_among_egov', 'strategy_by_size', 'egov_by_size'].map((id) => paragraph(statement(id)))}
</section>
<section id="methodik" aria-labelledby="methodik-h">
<h2 id="methodik-h">Einleitung und Methodik</h2>
<p>${INTRODUCTION}</p>
${paragraph(statement('respondents'))}${notAskedNote(statements, figures)}
<p>${meta.period ? `Befragungszeitraum: ${meta.period}.` : 'Der Befragungszeitraum ist für diese Welle nicht erfasst.'} Ausgewiesen sind Anteile an den Kommunen, die die jeweilige Frage beantwortet haben (${results.weighted ? 'gewichtet auf das Gemeindeverzeichnis' : 'ungewichtet'}). Unterschiede zwischen Gruppen heißen nur dann „häufiger“ oder „seltener“, wenn ein Unabhängigkeitstest auf dem 5-%-Niveau signifikant ist; sonst steht „kein klarer Unterschied“.</p>
</section>
${CHAPTERS.map((chapter) => chapterHtml(chapter, statement, figures, maps))}${meta.trend ? html`\n${trendChapterHtml(meta.trend, meta.suppressionK)}` : ''}
<section id="empfehlungen" class="chapter" aria-labelledby="empfehlungen-h">
<h2 id="empfehlungen-h">Was zu tun ist: Handlungsempfehlungen</h2>
${RECOMMENDATIONS.map((item, i) => html`<h3>${i + 1}. ${item.title}</h3><p>${item.text}</p>`)}
</section>
${annex(results, meta, maps)}
<section id="lizenz" aria-labelledby="lizenz-h">
<h2 id="lizenz-h">Lizenz und Datenquellen</h2>
<p>Aufbau, Kapitel und Handlungsempfehlungen folgen ${REPORT_SOURCE}. Alle Zahlen, Sätze mit Zahlen und Abbildungen dieses Berichts sind aus den Antworten der Welle ${results.wave} berechnet.</p>
<p>${REGISTER_ATTRIBUTION} Lizenztext: https://www.govdata.de/dl-de/by-2-0</p>
<p>Ländergrenzen der Karten: Bundesamt für Kartographie und Geodäsie, Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021, vereinfacht: <a href="${BKG_URL}">${BKG_ATTRIBUTION}</a>; Datenlizenz Deutschland – Namensnennung – Version 2.0.</p>
<p>Abbildungen und Karten erstellt mit Observable Plot (ISC-Lizenz) und d3-geo (ISC-Lizenz).</p>
</section>
</main>
</body>
</html>
`;
  return page.toString();
}

/** Said once when the wave's questionnaire version lacks questions of the 2019 report (issue 9). */
function notAskedNote(statements: readonly Statement[], figures: readonly ReportFigure[]): Fragment | string {
  const dropped = STATEMENT_BUILDERS.length - statements.length;
  const partial = figures.filter((figure) => figure.notAsked).map((figure) => `Abb. ${figure.number}`);
  if (dropped === 0 && partial.length === 0) return '';
  const parts = [...(dropped > 0 ? [`${dropped} ${dropped === 1 ? 'Aussage' : 'Aussagen'}`] : []), ...(partial.length > 0 ? [`in ${partial.join(', ')}`] : [])];
  return html`\n<p data-note="not-asked">Der Fragebogen dieser Welle enthält nicht alle Fragen, Optionen und abgeleiteten Variablen des Berichts von 2019. Was sich auf Fehlendes oder Geändertes stützt, entfällt (${parts.join('; ')}), statt als „zu wenige Antworten“ zu erscheinen.</p>`;
}

const NOT_ASKED = Symbol('not asked');

/** The share, or NOT_ASKED when the wave's questionnaire does not have the variable (issue 9). */
function asked(results: AnyResults, query: ShareQuery): ReturnType<typeof shareOf> | typeof NOT_ASKED {
  return readsNotAsked(results, (probe) => shareOf(probe, query)) ? NOT_ASKED : shareOf(results, query);
}

/** The three headline indicators of the seed's title page. */
function headlines(results: AnyResults): Fragment {
  const strategy = asked(results, { variable: 'strategy_status', values: ['vorhanden', 'in_entwicklung'] });
  const egov = asked(results, { variable: 'egov_count', values: ['0', '1', '2'] });
  const community = asked(results, { variable: 'community_count', values: ['0'] });
  const item = (value: ReturnType<typeof asked>, text: string) =>
    value === NOT_ASKED
      ? ''
      : html`<li><strong>${value ? formatPercent(value.share) : '–'}</strong>${text}${value ? ` (${describeShare(value.share)})` : ' (nicht ausgewiesen)'}</li>`;
  return html`<ul class="indicators">
${item(strategy, 'der Kommunen haben eine Digitalisierungsstrategie oder entwickeln sie')}
${item(egov, 'setzen höchstens zwei E-Government-Basiskomponenten ein')}
${item(community, 'unterstützen kein Digitalisierungsangebot in der örtlichen Gemeinschaft')}
</ul>`;
}

/** Nothing for a statement left out (its question is not in the wave's questionnaire). */
function paragraph(statement: Statement | undefined): Fragment | string {
  return statement ? html`<p data-statement="${statement.id}">${statement.text}</p>` : '';
}

function chapterHtml(chapter: Chapter, statement: (id: string) => Statement | undefined, figures: readonly ReportFigure[], maps: readonly ReportMap[]): Fragment {
  const item = (entry: string | number) => {
    if (typeof entry === 'number') return figureHtml(figures[entry - 1]!);
    const map = maps.find((candidate) => candidate.spec.id === entry);
    return map ? mapFigureHtml(map) : paragraph(statement(entry));
  };
  return html`<section id="${chapter.id}" class="chapter" aria-labelledby="${chapter.id}-h">
<h2 id="${chapter.id}-h">${chapter.title}</h2>
${chapter.items.map(item)}
</section>`;
}

function annex(results: AnyResults, meta: ReportMeta, maps: readonly ReportMap[]): Fragment {
  // vg_strategy as in 2019; a questionnaire version without it (issue 9): its first variable.
  const counted = results.tables.some((table) => table.variable === 'vg_strategy') ? 'vg_strategy' : (results.tables[0]?.variable ?? '');
  const byState = groupBases(results, counted, 'state');
  const bySize = groupBases(results, counted, 'size_class');
  const sizeLabel = (group: string) => SIZE_CLASS_LABELS[group as SizeClass] ?? group;
  const register = meta.register;
  const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  const rows = (groups: readonly { group: string; base: number | undefined }[], label: (group: string) => string, counts: Readonly<Record<string, number>> | undefined) => {
    // Public: a Land with 1 … k − 1 respondents (a city state is one unit) is not shown, nor its complement;
    // the public results withhold such bases already (undefined).
    const hidden = meta.suppressionK === undefined ? [] : suppressedCounts(groups.map(({ base }) => base ?? 0), meta.suppressionK);
    return groups.map(
      ({ group, base }, i) =>
        html`<tr><th scope="row">${label(group)}</th>${hidden[i] || base === undefined ? html`<td>–</td><td>–</td>` : html`<td>${base}</td><td>${formatPercent(base / results.n)}</td>`}${
          counts ? html`<td>${counts[group] ?? 0}</td><td>${formatPercent((counts[group] ?? 0) / Math.max(1, total(counts)))}</td>` : ''
        }</tr>`,
    );
  };
  const table = (caption: string, groups: readonly { group: string; base: number | undefined }[], label: (group: string) => string, counts: Readonly<Record<string, number>> | undefined) =>
    scrollable(
      caption,
      html`<table><caption>${caption}</caption><thead><tr><th scope="col">Gruppe</th><th scope="col">Antwortende</th><th scope="col">Anteil</th>${
        counts ? html`<th scope="col">Kommunen im Verzeichnis</th><th scope="col">Anteil im Verzeichnis</th>` : ''
      }</tr></thead><tbody>${rows(groups, label, counts)}</tbody></table>`,
    );
  return html`<section id="anhang" class="chapter" aria-labelledby="anhang-h">
<h2 id="anhang-h">Methodenanhang</h2>
<h3>Stichprobe</h3>
<p>${results.n} Kommunen haben geantwortet. Verteilung der Antwortenden nach Land und Größenklasse${
    register ? ', verglichen mit allen Kommunen des Gemeindeverzeichnisses' : ''
  } (Gruppen ohne Antwortende sind nicht aufgeführt):</p>
${table('Stichprobe und Gemeindeverzeichnis nach Bundesland', byState, (group) => group, register?.byState)}
${table('Stichprobe und Gemeindeverzeichnis nach Größenklasse', bySize, sizeLabel, register?.bySize)}
<h3>Rücklauf</h3>
${responseRateText(meta)}
${maps.filter((map) => map.number === 1).map(mapFigureHtml)}
<h3>Gewichtung</h3>
<p>${results.weighted ? 'Die Anteile sind per Raking auf die Verteilung der Kommunen im Gemeindeverzeichnis (Land, Größenklasse) gewichtet.' : 'Die Anteile sind ungewichtet: jede antwortende Kommune zählt einmal.'}</p>
<h3>Tests</h3>
<p>Unterschiede zwischen Gruppen werden mit dem Chi-Quadrat-Unabhängigkeitstest geprüft (bei kleinen Erwartungswerten mit dem exakten Test nach Fisher, gewichtet mit dem Rao-Scott-Test). Als signifikant gilt p &lt; ${String(ALPHA).replace('.', ',')}. Intervalle: Wilson, 95 %. Größere und kleinere Kommunen: Städte und Gemeinden der Größenklassen GK 1–3 gegenüber GK 5–7.</p>
<h3>Sperrung kleiner Fallzahlen</h3>
<p>${
    meta.suppressionK === undefined
      ? 'Dieser Bericht ist für die Auswertenden bestimmt und zeigt alle Zellen. In der öffentlichen Fassung werden Zellen mit weniger Antworten als der Mindestfallzahl und die zu ihrer Rückrechnung nötigen Zellen gesperrt.'
      : `Zellen mit weniger als ${meta.suppressionK} Antworten und die Zellen, aus denen sie sich zurückrechnen ließen, sind gesperrt (–). Hat eine Gruppe weniger als ${meta.suppressionK} Antworten, fehlt auch ihre Basis, ebenso wo eine Basis eine gesperrte Zahl verriete (etwa die einer Filterfrage). Tests von Tabellen mit gesperrten Zellen werden nicht ausgewiesen.`
  }</p>
</section>`;
}

/** How the response rate is defined, and its value (issue 5 "methods annex"). */
function responseRateText(meta: ReportMeta): Fragment {
  const rates = meta.responseRates;
  if (!rates) return html`<p>Die Rücklaufquote ist für diesen Bericht nicht berechnet.</p>`;
  const population =
    rates.basis === 'target'
      ? 'die Zielgruppe der Welle (die eingeladenen Kommunen)'
      : 'alle Städte, Gemeinden und Landkreise des Gemeindeverzeichnisses, da für die Welle keine Zielgruppe festgelegt ist';
  const demo = meta.demo && rates.basis === 'register'
    ? ' In der Demo-Welle vertritt jede synthetische Kommune eine Kommune gleichen Landes, gleicher Art und Größenklasse des Verzeichnisses; die Quote ist deshalb auf das echte Verzeichnis bezogen.'
    : '';
  const total = rates.population > 0 ? formatPercentOneDecimal(rates.respondents / rates.population) : '–';
  return html`<p>Rücklaufquote = Antwortende geteilt durch die Kommunen der Grundgesamtheit. Grundgesamtheit sind ${population}.${demo} Insgesamt haben ${rates.respondents} von ${rates.population} Kommunen geantwortet (${total}).${
    meta.suppressionK === undefined ? '' : ` Länder mit weniger als ${meta.suppressionK} Antwortenden werden ohne Quote ausgewiesen.`
  }</p>`;
}
