// The profile's own stylesheet (inline in the single HTML file, or served for the web's strict CSP), in
// the report's look, with print rules: A4, figures and tables not split.
export const PROFILE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --accent: #08519c; }
body { font-family: "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; color: var(--ink); line-height: 1.5; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1, h2, h3 { line-height: 1.2; color: var(--accent); overflow-wrap: break-word; hyphens: auto; }
a { color: var(--accent); }
.demo-banner { border: 3px solid #b30000; background: #fff0f0; color: #5c0000; padding: .75rem 1rem; font-weight: bold; }
.lead { font-size: 1.1rem; }
figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .5rem; }
figcaption .base { font-weight: normal; }
.chart svg { display: block; width: 100%; height: auto; max-width: 100%; background: white; }
.chart svg text, .chart svg tspan { white-space: pre; }
.alt, .attribution { font-size: .875rem; }
.key { list-style: none; padding: 0; font-size: .875rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.key-dot, .key-box, .key-tick { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: middle; }
.key-dot { background: #08519c; border-radius: 50%; } .key-box { background: #c6dbef; border: 1px solid #666; } .key-tick { width: .2em; background: #3182bd; }
.wide { overflow-x: auto; max-width: 100%; }
[tabindex]:focus, a:focus { outline: 3px solid #b35900; outline-offset: 2px; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .875rem; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; vertical-align: top; }
td { text-align: right; font-variant-numeric: tabular-nums; }
td.text { text-align: left; }
.peer-contact { word-break: break-all; }
.note { border-left: 4px solid #b30000; padding-left: .75rem; }
.merged { border-left: 4px solid #08519c; padding-left: .75rem; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; padding: 0; }
  nav { display: none; }
  .wide { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
