// One HTML string → PDF bytes through Chromium's print engine (pdf-printer.ts: A4, page numbers, tagged,
// with outline); for many documents in a row keep a printer open instead.
import { openPdfPrinter, type PdfPrinterOptions, type PrintOptions } from './pdf-printer.js';

export type HtmlToPdfOptions = PrintOptions & PdfPrinterOptions;

/**
 * Prints a self-contained HTML document to PDF. The page never fetches anything and runs no script,
 * so only inline CSS, inline SVG and `data:` URIs count. Fonts come from the system (DejaVu/Liberation).
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const printer = await openPdfPrinter(options);
  try {
    return await printer.print(html, options);
  } finally {
    await printer.close();
  }
}
