// One HTML string → PDF bytes through Chromium's print engine (pdf-printer.ts: A4, page numbers, tagged,
// with outline); for many documents in a row keep a printer open instead.
import { openPdfPrinter, type PdfPrinterOptions, type PrintOptions } from './pdf-printer.js';

export type HtmlToPdfOptions = PrintOptions & PdfPrinterOptions;

/** Prints one self-contained HTML document to PDF, as openPdfPrinter's print does. */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const printer = await openPdfPrinter(options);
  try {
    return await printer.print(html, options);
  } finally {
    await printer.close();
  }
}
