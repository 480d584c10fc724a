// Time to build the report (issue 5): HTML, PDF and JSON of the demo wave (412) and of a synthetic wave
// with 10,000 respondents. Each figure = analysis + rendering (+ printing). Peers in the same run: for
// HTML and JSON, JSON.stringify of the same results document (the cheapest text of the same numbers);
// for the PDF, Chromium printing a plain page with as much text (paragraphs only, no SVG) as the report.
import { readFileSync } from 'node:fs';
import { analyzeWave } from '../src/analysis/analyze-wave.js';
import { buildWaveData } from '../src/analysis/build-wave-data.js';
import type { WaveData } from '../src/analysis/wave-data.js';
import { generateDemoWave } from '../src/demo/generate-demo-wave.js';
import { parseRegisterCsv } from '../src/formats/register-csv.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { launchChromium } from '../src/pdf/chromium-launch.js';
import { htmlToPdf } from '../src/pdf/html-to-pdf.js';
import type { RegisterUnit } from '../src/register/unit.js';
import { renderReport, type ReportMeta } from '../src/report/html/report-page.js';
import { reportJson } from '../src/report/report-json.js';
import { responseRates } from '../src/report/response-rates.js';
import { syntheticWave } from './analysis-wave.js';

export interface ReportFigures {
  readonly respondents: number;
  readonly analysisSeconds: number;
  readonly htmlSeconds: number;
  readonly jsonSeconds: number;
  readonly pdfSeconds: number;
  readonly htmlBytes: number;
  readonly pdfBytes: number;
  readonly peerStringifySeconds: number;
  readonly peerPlainPdfSeconds: number;
  /** (analysis + HTML) / JSON.stringify of the results. */
  readonly htmlRatioToStringify: number;
  readonly jsonRatioToStringify: number;
  /** PDF printing of the report / printing a plain page of the same text length (same browser). */
  readonly pdfRatioToPlainPage: number;
}

const RUNS = 3;
const round = (value: number, digits: number) => Number(value.toFixed(digits));

async function fastest<T>(work: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    value = await work();
    best = Math.min(best, (performance.now() - began) / 1000);
  }
  return { seconds: best, value };
}

async function measure(data: WaveData, register: readonly RegisterUnit[], browser: Awaited<ReturnType<typeof launchChromium>>): Promise<ReportFigures> {
  const meta: ReportMeta = { title: `Bench ${data.n}`, demo: true, responseRates: responseRates(data, register, 'register') };
  const analysis = await fastest(() => analyzeWave(data));
  const results = analysis.value;
  const html = await fastest(() => renderReport(results, meta));
  const json = await fastest(() => JSON.stringify(reportJson(results, meta)));
  const pdf = await fastest(() => htmlToPdf(html.value, { browser, footerText: meta.title }));
  const stringify = await fastest(() => JSON.stringify(results));
  const text = html.value.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
  const plain = `<!doctype html><html lang="de"><title>Peer</title>${text.match(/.{1,400}/gs)!.map((chunk) => `<p>${chunk.replace(/[<&]/g, ' ')}</p>`).join('')}</html>`;
  const peer = await fastest(() => htmlToPdf(plain, { browser }));
  return {
    respondents: data.n,
    analysisSeconds: round(analysis.seconds, 3),
    htmlSeconds: round(analysis.seconds + html.seconds, 3),
    jsonSeconds: round(analysis.seconds + json.seconds, 3),
    pdfSeconds: round(analysis.seconds + html.seconds + pdf.seconds, 3),
    htmlBytes: html.value.length,
    pdfBytes: pdf.value.length,
    peerStringifySeconds: round(stringify.seconds, 4),
    peerPlainPdfSeconds: round(peer.seconds, 3),
    htmlRatioToStringify: round((analysis.seconds + html.seconds) / stringify.seconds, 1),
    jsonRatioToStringify: round((analysis.seconds + json.seconds) / stringify.seconds, 1),
    pdfRatioToPlainPage: round(pdf.seconds / peer.seconds, 2),
  };
}

export async function benchReport(say: (line: string) => void): Promise<{ demo: ReportFigures; synthetic10k: ReportFigures }> {
  const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
  const { units } = parseRegisterCsv(read('gemeinden.csv'), read('kreise.csv'));
  const demo = generateDemoWave(units);
  const demoData = buildWaveData(instrument2019, '2019-demo', demo.units, demo.responses);
  const browser = await launchChromium();
  try {
    const figures = { demo: await measure(demoData, units, browser), synthetic10k: await measure(syntheticWave(10_000, units).data, units, browser) };
    say('Bericht (Analyse + Darstellung, schnellster von 3 Läufen) …');
    for (const [name, f] of [['Demo-Welle', figures.demo], ['10.000 Befragte', figures.synthetic10k]] as const) {
      say(`  ${name} (${f.respondents}): Analyse ${f.analysisSeconds} s; HTML ${f.htmlSeconds} s (${Math.round(f.htmlBytes / 1024)} KB), JSON ${f.jsonSeconds} s, PDF ${f.pdfSeconds} s (${Math.round(f.pdfBytes / 1024)} KB)`);
      say(`    gegenüber JSON.stringify der Ergebnisse (${f.peerStringifySeconds} s): HTML ${f.htmlRatioToStringify}×, JSON ${f.jsonRatioToStringify}×; Drucken gegenüber schlichter Seite gleicher Textlänge (${f.peerPlainPdfSeconds} s): ${f.pdfRatioToPlainPage}×`);
    }
    return figures;
  } finally {
    await browser.close();
  }
}
