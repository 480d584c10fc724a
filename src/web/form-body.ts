// application/x-www-form-urlencoded, strictly: valid UTF-8 only (the WHATWG parser would silently turn
// broken bytes into U+FFFD), no control characters (PostgreSQL jsonb rejects U+0000), bounded field count.
import { dmError } from '../errors.js';
import { CONTROL_CHARACTER } from '../instrument/control-character.js';

const MAX_FIELDS = 1000;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The posted fields, name → values in order. DM_BAD_REQUEST for anything malformed. */
export async function parseFormBody(request: Request): Promise<Map<string, string[]>> {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw dmError('DM_BAD_REQUEST', { detail: 'Erwartet werden Formulardaten (application/x-www-form-urlencoded).' });
  }
  const text = decodeUtf8(new Uint8Array(await request.arrayBuffer()));
  const fields = new Map<string, string[]>();
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_FIELDS) throw dmError('DM_BAD_REQUEST', { detail: `mehr als ${MAX_FIELDS} Felder.` });
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    const value = decodeComponent(at < 0 ? '' : pair.slice(at + 1));
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) throw dmError('DM_BAD_REQUEST', { detail: 'Die Eingabe enthält Steuerzeichen.' });
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

function decodeComponent(component: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(component)) throw dmError('DM_BAD_REQUEST', { detail: 'ungültige %-Kodierung.' });
  return component
    .replace(/\+/g, ' ')
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decodeUtf8(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))));
}

/** The bytes as UTF-8; DM_BAD_REQUEST when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw dmError('DM_BAD_REQUEST', { detail: 'Die Eingabe ist nicht in UTF-8 kodiert.' });
  }
}
