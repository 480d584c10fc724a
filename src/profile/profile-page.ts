// The Digitalprofil as one self-contained German HTML page: profile → string. No clock, no network, no
// script; every interpolation escaped; the chart with its caption, a text alternative and the data tables.
import { formatPercent } from '../report/format-share.js';
import { type Fragment, html, raw } from '../report/html/html.js';
import { scrollable } from '../report/html/scrollable.js';
import { REGISTER_ATTRIBUTION } from '../report/html/seed-texts.js';
import type { GroupShare } from './comparison-groups.js';
import type { BenchmarkGroup, DigitalProfile } from './digital-profile.js';
import { profileChartSvg } from './profile-chart.js';
import { PROFILE_CSS } from './profile-css.js';

export interface ProfilePageOptions {
  /** Link this stylesheet (PROFILE_CSS served) instead of inlining it: for a web CSP without inline styles. */
  readonly stylesheet?: string;
  /** A way back (web), e.g. to the receipt. */
  readonly back?: { readonly href: string; readonly text: string };
}

export function renderProfile(profile: DigitalProfile, options: ProfilePageOptions = {}): string {
  const { unit, wave } = profile;
  const style = options.stylesheet === undefined ? html`<style>${raw(PROFILE_CSS)}</style>` : html`<link rel="stylesheet" href="${options.stylesheet}">`;
  const page = html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Digitalprofil ${unit.name} – ${wave.title}</title>
${style}
</head>
<body>
${options.back ? html`<nav><a href="${options.back.href}">${options.back.text}</a></nav>` : ''}
<main>
<h1>Digitalprofil: ${unit.name}</h1>
${wave.demo ? html`<p class="demo-banner">Synthetische Demo-Daten: Diese Kommune und alle Vergleichswerte sind erfunden.</p>` : ''}
<p class="lead">${unit.unitType} in ${unit.state}, ${unit.sizeClass}, AGS ${unit.ags}. Befragung „${wave.title}“: ${profile.respondents} Kommunen haben geantwortet.</p>
${scoresSection(profile)}
${benchmarkSection(profile)}
${membershipSection(profile)}
${recommendationSection(profile)}
${peerSection(profile)}
${methodSection(profile)}
</main>
<footer><p class="attribution">${REGISTER_ATTRIBUTION}</p></footer>
</body>
</html>
`;
  return page.toString();
}

const points = (score: number | null) => (score === null ? 'nicht berechenbar' : String(Math.round(score)));

/** Areas the wave's questionnaire version does not ask (issue 9): said once, not shown as unanswered. */
function notAsked(profile: DigitalProfile): Fragment | string {
  const areas = profile.scores.filter((area) => area.notInInstrument);
  if (areas.length === 0) return '';
  const names = areas.map((area) => `„${area.label}“`).join(', ');
  return html`\n<p>Der Fragebogen dieser Befragung enthält die Fragen ${areas.length === 1 ? 'des Bereichs' : 'der Bereiche'} ${names} nicht oder in geänderter Form; ${areas.length === 1 ? 'er bekommt' : 'sie bekommen'} hier keine Punkte, und der Gesamtwert ist der Mittelwert der übrigen Bereiche.</p>`;
}

function scoresSection(profile: DigitalProfile): Fragment {
  const history = profile.history;
  const change = (id: string) => {
    const found = history?.changes.find((c) => c.id === id);
    if (!found || found.change === null) return '–';
    const rounded = Math.round(found.change);
    return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '±0';
  };
  return html`<section aria-labelledby="werte"><h2 id="werte">Ihre Werte</h2>
<p>Je Bereich 0 bis 100 Punkte, berechnet nur aus den beantworteten Fragen. Fehlende Antworten senken nicht die Punkte, sondern den Anteil „beantwortet“.</p>
${scrollable('Punkte je Bereich', html`<table class="scores"><caption>Punkte je Bereich${history ? ` und Veränderung seit „${history.waveTitle}“` : ''}</caption>
<thead><tr><th scope="col">Bereich</th><th scope="col">Punkte</th><th scope="col">beantwortet</th>${history ? html`<th scope="col">Veränderung</th>` : ''}</tr></thead>
<tbody>${profile.scores.map(
    (area) =>
      area.notInInstrument
        ? html`<tr><th scope="row">${area.label}</th><td colspan="${history ? 3 : 2}">in diesem Fragebogen nicht erhoben</td></tr>`
        : html`<tr><th scope="row">${area.label}</th><td>${points(area.score)}</td><td>${formatPercent(area.coverage)}</td>${history ? html`<td>${change(area.id)}</td>` : ''}</tr>`,
  )}</tbody></table>`)}${notAsked(profile)}${historyTable(profile)}
${history ? '' : html`<p>Eine Veränderung seit der letzten Befragung wird gezeigt, sobald Ihre Kommune an zwei Befragungen mit vergleichbarem Fragebogen teilgenommen hat.</p>`}
</section>`;
}

/** Each area's points in every wave the unit answered (issue 9), oldest first; column heads are wave ids. */
function historyTable(profile: DigitalProfile): Fragment | string {
  const { history } = profile;
  if (!history) return '';
  const columns = [
    ...history.waves.map((wave) => ({ id: wave.waveId, title: wave.waveTitle, score: (id: string) => wave.scores.find((s) => s.id === id)?.score ?? null })),
    { id: profile.wave.id, title: profile.wave.title, score: (id: string) => profile.scores.find((area) => area.id === id)?.score ?? null },
  ];
  const shown = (score: number | null) => (score === null ? '–' : String(Math.round(score)));
  return html`
${scrollable('Punkte je Bereich in jeder Befragung', html`<table class="scores"><caption>Punkte je Bereich in jeder Befragung, an der Ihre Kommune teilgenommen hat (– = nicht berechenbar oder nicht erhoben)</caption>
<thead><tr><th scope="col">Bereich</th>${columns.map((column) => html`<th scope="col"><abbr title="${column.title}">${column.id}</abbr></th>`)}</tr></thead>
<tbody>${profile.scores.map(
    (area) => html`<tr><th scope="row">${area.label}</th>${columns.map((column) => html`<td>${area.notInInstrument ? '–' : shown(column.score(area.id))}</td>`)}</tr>`,
  )}</tbody></table>`)}`;
}

function benchmarkSection(profile: DigitalProfile): Fragment {
  const chartGroup = profile.benchmark.find((group) => group.dimension === 'size_class') ?? profile.benchmark[0]!;
  const notes = profile.benchmark.flatMap((group) => (group.merged ? [group.merged] : []));
  const alt = chartAlt(profile, chartGroup);
  return html`<section aria-labelledby="vergleich"><h2 id="vergleich">Im Vergleich</h2>
<p>Verglichen wird mit allen Befragten, Ihrer Größenklasse, Ihrem Land und Ihrer Art von Kommune. Das Perzentil sagt, wie viel Prozent der Vergleichsgruppe weniger Punkte haben (Gleichstand zur Hälfte).</p>
${
  notes.length > 0
    ? html`<div class="merged"><p>Zum Schutz der Angaben einzelner Kommunen werden Vergleichsgruppen mit weniger als ${profile.wave.k} Antworten zusammengefasst:</p><ul>${notes.map((note) => html`<li>${note}</li>`)}</ul></div>`
    : ''
}
<figure id="abb-profil" aria-labelledby="abb-profil-caption">
<figcaption id="abb-profil-caption">Abb. 1: Ihre Punkte im Vergleich mit ${chartGroup.label} <span class="base">(Basis: ${chartGroup.n} Kommunen)</span></figcaption>
<div class="chart">${raw(profileChartSvg(profile.scores, chartGroup, alt))}</div>
<ul class="key" aria-hidden="true"><li><span class="key-dot"></span>Ihre Kommune</li><li><span class="key-box"></span>mittlere Hälfte der Vergleichsgruppe (25 % bis 75 %)</li><li><span class="key-tick"></span>Median</li></ul>
<p class="alt">${alt}</p>
${scrollable('Daten zu Abb. 1', html`<table class="data"><caption>Daten zu Abb. 1 (Punkte)</caption>
<thead><tr><th scope="col">Bereich</th><th scope="col">Ihre Punkte</th><th scope="col">25 %</th><th scope="col">Median</th><th scope="col">75 %</th></tr></thead>
<tbody>${profile.scores.map((area, i) => {
    const d = chartGroup.scores[i]?.distribution;
    return html`<tr><th scope="row">${area.label}</th><td>${area.notInInstrument ? 'nicht erhoben' : points(area.score)}</td><td>${d ? Math.round(d.p25) : '–'}</td><td>${d ? Math.round(d.median) : '–'}</td><td>${d ? Math.round(d.p75) : '–'}</td></tr>`;
  })}</tbody></table>`)}
</figure>
${scrollable('Perzentil je Vergleichsgruppe', html`<table class="percentiles"><caption>Perzentil je Vergleichsgruppe</caption>
<thead><tr><th scope="col">Bereich</th>${profile.benchmark.map((group) => html`<th scope="col">${group.label} (${group.n})</th>`)}</tr></thead>
<tbody>${profile.scores.map(
    (area, i) =>
      html`<tr><th scope="row">${area.label}</th>${profile.benchmark.map((group) => {
        const p = group.scores[i]?.percentile;
        return html`<td>${p === null || p === undefined ? '–' : p}</td>`;
      })}</tr>`,
  )}</tbody></table>`)}
</section>`;
}

function chartAlt(profile: DigitalProfile, group: BenchmarkGroup): string {
  const overall = profile.scores[profile.scores.length - 1]!;
  const standing = group.scores[group.scores.length - 1];
  const where = standing?.percentile === null || standing?.percentile === undefined ? '' : `; damit liegt sie vor ${standing.percentile} % der Vergleichsgruppe`;
  return `Punktdiagramm: Punkte von ${profile.unit.name} je Bereich mit der mittleren Hälfte und dem Median von ${group.label}. Gesamtwert ${points(overall.score)} Punkte${where}. Alle Werte in der Tabelle unter der Abbildung.`;
}

function membershipSection(profile: DigitalProfile): Fragment {
  return html`<section aria-labelledby="gruppen"><h2 id="gruppen">Vergleichsgruppen des Berichts</h2>
<ul>${profile.memberships.map(
    (m) => html`<li><strong>${m.text}</strong> Anteil der Kommunen ${m.label}: ${m.shares.map((s, i) => html`${i > 0 ? '; ' : ''}${s.label} ${shareText(s, profile.wave.k)}`)}.</li>`,
  )}</ul>
</section>`;
}

function shareText(share: GroupShare, k: number): string {
  if (share.withheld === 'below') return `weniger als ${k} von ${share.base}`;
  if (share.withheld === 'above') return `mehr als ${share.base - k} von ${share.base}`;
  return `${formatPercent(share.share ?? 0)} (${share.n} von ${share.base})`;
}

function recommendationSection(profile: DigitalProfile): Fragment {
  const applying = profile.recommendations.filter((r) => r.applies);
  const others = profile.recommendations.filter((r) => !r.applies);
  return html`<section aria-labelledby="empfehlungen"><h2 id="empfehlungen">Was Sie als Nächstes tun können</h2>
<p>Die Handlungsempfehlungen des Berichts „Wie sind die Kommunen digital aufgestellt?“ (KGSt/ÖFIT 2019), die nach Ihren Antworten auf Ihre Kommune zutreffen, mit konkreten nächsten Schritten.</p>
${applying.map((r) => html`<h3>${r.number}. ${r.title}</h3><ul>${r.steps.map((step) => html`<li>${step}</li>`)}</ul>`)}
${others.length > 0 ? html`<p>Nach Ihren Antworten schon umgesetzt: ${others.map((r, i) => html`${i > 0 ? '; ' : ''}${r.number}. ${r.title}`)}</p>` : ''}
</section>`;
}

function peerSection(profile: DigitalProfile): Fragment {
  const { peers } = profile;
  const intro = html`<p>Kommunen, die einem Erfahrungsaustausch zugestimmt haben und schon haben, was Ihnen fehlt – die ähnlichsten zuerst (gleicher Kreis, gleiche Größenklasse, gleiche Art, gleiches Land, ähnliche Einwohnerzahl). Kommunen ohne Zustimmung werden nie genannt.</p>`;
  const consent = peers.consented
    ? ''
    : html`<p class="note">Kontaktadressen sehen nur Kommunen, die dem Austausch selbst zugestimmt haben. Sie können Ihre Zustimmung im Fragebogen auf der Seite „Abschluss“ geben.</p>`;
  if (peers.list.length === 0) {
    const why = peers.gaps.length === 0 ? 'Nach Ihren Antworten fehlt Ihnen keiner der Bausteine, nach denen hier gesucht wird.' : 'Derzeit hat keine Kommune mit Zustimmung zum Austausch, was Ihnen fehlt.';
    return html`<section aria-labelledby="partner"><h2 id="partner">Von wem Sie lernen können</h2>${intro}<p>${why}</p>${consent}</section>`;
  }
  return html`<section aria-labelledby="partner"><h2 id="partner">Von wem Sie lernen können</h2>${intro}${consent}
${scrollable('Kommunen für den Erfahrungsaustausch', html`<table class="peers"><caption>Kommunen für den Erfahrungsaustausch</caption>
<thead><tr><th scope="col">Kommune</th><th scope="col">Art, Größenklasse, Land (ähnlich durch)</th><th scope="col">hat bereits</th><th scope="col">Kontakt</th></tr></thead>
<tbody>${peers.list.map(
    (peer) =>
      html`<tr><th scope="row">${peer.name}</th><td class="text">${peer.unitType}, ${peer.sizeClass}, ${peer.state} (${peer.similarities.join(', ') || 'ähnliche Einwohnerzahl'})</td><td class="text">${offerSummary(peer.offers)}</td><td class="text peer-contact">${peer.contact ?? '–'}</td></tr>`,
  )}</tbody></table>`)}
</section>`;
}

const SHOWN_OFFERS = 4;

/** „Basiskomponente: Formularserver (Online-Formulare)“ … → „Basiskomponente: Formularserver, eID-Funktion; … und 3 weitere“. */
function offerSummary(offers: readonly string[]): string {
  const byTopic = new Map<string, string[]>();
  for (const offer of offers.slice(0, SHOWN_OFFERS)) {
    const [topic, item] = offer.includes(': ') ? [offer.slice(0, offer.indexOf(': ')), offer.slice(offer.indexOf(': ') + 2)] : [offer, ''];
    const list = byTopic.get(topic) ?? [];
    if (item) list.push(item.replace(/ \([^)]*\)$/, ''));
    byTopic.set(topic, list);
  }
  const text = [...byTopic].map(([topic, items]) => (items.length > 0 ? `${topic}: ${items.join(', ')}` : topic)).join('; ');
  return offers.length > SHOWN_OFFERS ? `${text} und ${offers.length - SHOWN_OFFERS} weitere` : text;
}

function methodSection(profile: DigitalProfile): Fragment {
  return html`<section aria-labelledby="methode"><h2 id="methode">Wie die Punkte entstehen</h2>
<p>Jede Antwort hat einen festen Wert zwischen 0 und 1 (z. B. Basiskomponente im Einsatz = 1, geplant = 0,25, nicht im Einsatz = 0). Die Punkte eines Bereichs sind 100 × der gewichtete Mittelwert der beantworteten Fragen; der Gesamtwert ist der Mittelwert der Bereiche. Die Formeln sind fest je Fragebogen-Version (Bewertung „${profile.scoring}“), sodass dieselben Antworten in jeder Befragung dieselben Punkte ergeben. Vergleichswerte werden nur für Gruppen mit mindestens ${profile.wave.k} Kommunen gezeigt.</p>
</section>`;
}
