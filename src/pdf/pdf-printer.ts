// Many PDFs through one Chromium: one browser context (no script, offline, every request refused) whose
// pages are reused. A new page starts a renderer process: 0.35–0.56 s of the 1.1 s a Digitalprofil took.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium-launch.js';

export interface PrintOptions {
  /** Text left in the footer of every page (e.g. the document title); the page number is always on the right. */
  readonly footerText?: string;
}

export interface PdfPrinter {
  /** May be called concurrently: each call prints on a page of its own. */
  print(html: string, options: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  /** Print in this browser (closed by its owner); otherwise one is launched and closed with the printer. */
  readonly browser?: Browser;
  /** Chromium binary; Debian's `/usr/bin/chromium` by default. */
  readonly executablePath?: string;
}

/**
 * Prints self-contained HTML documents to PDF: A4, page numbers, tagged, with outline. A page never fetches
 * anything and runs no script, so only inline CSS, inline SVG and `data:` URIs count; each document replaces
 * the last on its page. Fonts come from the system (DejaVu/Liberation).
 */
export async function openPdfPrinter(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
  const browser = options.browser ?? (await launchChromium(options.executablePath));
  let context: BrowserContext;
  try {
    context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
  } catch (error) {
    if (options.browser === undefined) await browser.close();
    throw error;
  }
  const idle: Page[] = [];
  return {
    async print(html, { footerText = '' }) {
      const page = idle.pop() ?? (await context.newPage());
      const pdf = await printOn(page, html, footerText).catch(async (error: unknown) => {
        await page.close().catch(() => {});
        throw error;
      });
      idle.push(page);
      return pdf;
    },
    async close() {
      try {
        await context.close();
      } finally {
        if (options.browser === undefined) await browser.close();
      }
    },
  };
}

async function printOn(page: Page, html: string, footerText: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(footerText),
    margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
    tagged: true,
    outline: true,
  });
  return new Uint8Array(pdf);
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
