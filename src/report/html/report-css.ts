// The report's own stylesheet (inline in the single HTML file), with print rules: A4, figures not split.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --accent: #08519c; }
body { font-family: "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; color: var(--ink); line-height: 1.5; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1, h2, h3 { line-height: 1.2; color: var(--accent); overflow-wrap: break-word; hyphens: auto; }
.demo-banner { border: 3px solid #b30000; background: #fff0f0; color: #5c0000; padding: .75rem 1rem; font-weight: bold; }
.indicators { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.indicators li { border: 1px solid #9ecae1; border-radius: .25rem; padding: .75rem; }
.indicators strong { display: block; font-size: 2rem; color: var(--accent); }
figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .5rem; }
figcaption .base { font-weight: normal; }
.chart svg { display: block; width: 100%; height: auto; max-width: 100%; background: white; }
.chart svg text, .chart svg tspan { white-space: pre; }
.alt { font-size: .875rem; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .875rem; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: middle; border: 1px solid #666; }
.s0 { background: #08519c; } .s1 { background: #3182bd; } .s2 { background: #6baed6; }
.s3 { background: #9ecae1; } .s4 { background: #c6dbef; } .s5 { background: #dedede; }
.m0 { background: #eff3ff; } .m1 { background: #bdd7e7; } .m2 { background: #6baed6; } .m3 { background: #3182bd; } .m4 { background: #08519c; } .mna { background: #d9d9d9; }
.map-chart svg { max-width: 26rem; }
.attribution { font-size: .8rem; }
.wide { overflow-x: auto; max-width: 100%; }
[tabindex]:focus, a:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .875rem; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
.note { border-left: 4px solid #b30000; padding-left: .75rem; }
nav ol { padding-left: 1.25rem; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; padding: 0; }
  nav, .skip { display: none; }
  .wide { overflow: visible; }
  section.chapter { break-before: page; }
  a { color: inherit; text-decoration: none; }
  /* a figure (caption, chart, legend, table) must fit on one A4 page: charts are capped in height */
  .chart svg { max-height: 150mm; }
  .map-chart svg { max-height: 95mm; }
  figure { font-size: 9pt; }
  figure table { font-size: 8pt; margin-bottom: 0; }
  th, td { padding: .1rem .4rem; }
}
`;
