// Accessibility fixes on Observable Plot's SVG output, shared by every chart of the report.

/**
 * The root becomes role="img" with its label and a <title> (the table beneath is the full alternative);
 * the `aria-label` on inner `<g>` elements, which axe reports as aria-prohibited-attr, is dropped (they are
 * decorative under role="img"). Plot's inline <style> goes too: its rules are in report-css.ts, so a
 * strict CSP without inline styles holds.
 */
export function accessibleSvg(svg: string, alt: string): string {
  return svg
    .replace(/<g([^>]*?) aria-label="[^"]*"/g, '<g$1')
    .replace(/ aria-description="[^"]*"/, '')
    .replace(/<style>[^<]*<\/style>/, '')
    .replace(/^<svg /, `<svg role="img" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${escapeText(alt)}</title>`);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
