// A JSON request body, strictly: valid UTF-8 (Request.text() would turn broken bytes into U+FFFD), no lone
// surrogates from \ud800-style escapes and no control characters in any key or string (PostgreSQL's jsonb
// rejects U+0000; the others are never meant).
import { dmError } from '../../errors.js';
import { CONTROL_CHARACTER } from '../../instrument/control-character.js';
import { decodeUtf8 } from '../form-body.js';

const LONE_SURROGATE = /\p{Cs}/u;

/** The parsed body; DM_BAD_REQUEST for anything malformed. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw dmError('DM_BAD_REQUEST', { detail: 'Der Körper ist kein gültiges JSON.' });
  }
  const bad = badString(json);
  if (bad !== undefined) throw dmError('DM_BAD_REQUEST', { detail: `Der Text ${JSON.stringify(bad.slice(0, 40))} enthält ${LONE_SURROGATE.test(bad) ? 'ein einzelnes Surrogat (kein gültiges Unicode-Zeichen)' : 'Steuerzeichen'}.` });
  return json;
}

/** The first key or string value with a lone surrogate or a control character (iterative: any depth). */
function badString(json: unknown): string | undefined {
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value) || CONTROL_CHARACTER.test(value)) return value;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) pending.push(item, key);
    }
  }
  return undefined;
}
