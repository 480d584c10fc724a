// HTML string → PDF bytes through Chromium's print engine: A4, page numbers, tagged, with outline.
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium-launch.js';

export interface HtmlToPdfOptions {
  /** Text left in the footer of every page (e.g. the document title); the page number is always on the right. */
  readonly footerText?: string;
  /** Reuse an open browser (many PDFs in a row); otherwise one is launched and closed per call. */
  readonly browser?: Browser;
  /** Chromium binary; Debian's `/usr/bin/chromium` by default. */
  readonly executablePath?: string;
}

/**
 * Prints a self-contained HTML document to PDF. The page never fetches anything and runs no script,
 * so only inline CSS, inline SVG and `data:` URIs count. Fonts come from the system (DejaVu/Liberation).
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchChromium(options.executablePath));
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(options.footerText ?? ''),
        margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    if (options.browser === undefined) await browser.close();
  }
}

function footerTemplate(text: string): string {
  return (
    '<div style="font-family:\'DejaVu Sans\',\'Liberation Sans\',sans-serif;font-size:8pt;color:#444;' +
    'width:100%;margin:0 18mm;display:flex;justify-content:space-between">' +
    `<span>${escapeText(text)}</span>` +
    '<span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>'
  );
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
