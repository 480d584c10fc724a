// Public open data (issue 8): GET /opendata/:wave lists the files of a closed wave, GET /opendata/:wave/:file
// sends one. Everything comes from exportOpenData (disclosure control, DCAT-AP.de); open waves → 403.
import { Hono } from 'hono';
import { dmError } from '../../errors.js';
import { LICENSES } from '../../opendata/dcat-dataset.js';
import type { Store } from '../../store/store.js';
import { expiringCache } from '../../tasks/expiring-cache.js';
import { DEFAULT_OPEN_DATA, exportOpenData } from '../../tasks/export-open-data.js';
import { requireWave } from '../../tasks/waves.js';
import { openDataPage } from './download-pages.js';

const WAVE = ':wave{[a-z0-9_-]{1,40}}';
const TYPES: Readonly<Record<string, string>> = {
  'tabellen.csv': 'text/csv; charset=utf-8',
  'tabellen.json': 'application/json; charset=utf-8',
  'dcat.jsonld': 'application/ld+json; charset=utf-8',
};

// A closed wave's open data are computed once (analysis and suppression) and kept while the wave's status,
// k and publication stay the same, at most CACHE_MS, as the explorer does with its public documents.
const CACHE_MS = 10 * 60 * 1000;

type OpenData = Awaited<ReturnType<typeof exportOpenData>>;

export function openDataRoutes({ store, baseUrl, now = Date.now }: { readonly store: Store; readonly baseUrl?: string | undefined; readonly now?: () => number }): Hono {
  const app = new Hono();
  const cache = expiringCache<OpenData>(CACHE_MS, now);
  const files = async (waveId: string, url: string): Promise<OpenData> => {
    const wave = await requireWave(store, waveId);
    const origin = baseUrl ?? new URL(url).origin;
    const key = `${wave.status}|${wave.minCellCount}|${wave.publishedAt ?? ''}|${origin}`;
    return cache(wave.id, key, () => exportOpenData(store, { ...DEFAULT_OPEN_DATA, baseUrl: origin.replace(/\/$/, ''), waveId, public: true }));
  };
  app.get(`/${WAVE}`, async (c) => {
    const { wave, files: list } = await files(c.req.param('wave'), c.req.url);
    return c.html(openDataPage(wave, list, wave.minCellCount, LICENSES[DEFAULT_OPEN_DATA.license].name));
  });
  app.get(`/${WAVE}/:file`, async (c) => {
    const name = c.req.param('file');
    if (!Object.hasOwn(TYPES, name)) throw dmError('DM_NOT_FOUND', { path: c.req.path });
    const { files: list } = await files(c.req.param('wave'), c.req.url);
    const file = list.find((candidate) => candidate.name === name)!;
    return c.body(typeof file.data === 'string' ? file.data : new Uint8Array(file.data), 200, {
      'Content-Type': TYPES[name]!,
      'Content-Disposition': `inline; filename="${name}"`,
    });
  });
  return app;
}
