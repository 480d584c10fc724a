// A small reader for the document outline (bookmarks) of an uncompressed-dictionary PDF as Chromium/Skia
// writes it: catalog /Outlines → /First → /Next chains; titles as literal or UTF-16BE hex strings.
export interface OutlineEntry {
  readonly title: string;
  readonly children: readonly OutlineEntry[];
}

export function pdfOutline(pdf: Uint8Array): OutlineEntry[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(match[1]), match[2]!);
  const ref = (body: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(body)?.[1] ?? NaN);
  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog/.test(body));
  if (!catalog) throw new Error('PDF ohne Katalog');
  const root = objects.get(ref(catalog, 'Outlines'));
  return root === undefined ? [] : chain(objects, ref(root, 'First'), ref);
}

function chain(objects: ReadonlyMap<number, string>, first: number, ref: (body: string, key: string) => number): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (let id = first; !Number.isNaN(id); ) {
    const body = objects.get(id);
    if (body === undefined) break;
    entries.push({ title: titleOf(body), children: chain(objects, ref(body, 'First'), ref) });
    id = ref(body, 'Next');
  }
  return entries;
}

function titleOf(body: string): string {
  const hex = /\/Title\s*<([0-9A-Fa-f]*)>/.exec(body);
  if (hex) {
    const bytes = Buffer.from(hex[1]!, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(body);
  return (literal?.[1] ?? '').replace(/\\([\\()])/g, '$1');
}
