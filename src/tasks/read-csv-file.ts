import { dmError } from '../errors.js';
import type { Issue } from '../instrument/issues.js';
import { decodeCsvBytes } from '../formats/csv-text.js';

/** Largest accepted upload or import file: 20 MiB (a full register of responses is ~5 MiB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Bytes of an uploaded or imported CSV → text, or DM_IMPORT_INVALID naming the file. */
export function readCsvFile(bytes: Uint8Array, file: string): string {
  const reject = (issue: Issue) => dmError('DM_IMPORT_INVALID', { count: 1, file }, [{ ...issue, params: { ...issue.params, file } }]);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw reject({ code: 'file_too_large', path: [], params: { size: bytes.byteLength, max: MAX_IMPORT_BYTES } });
  }
  const decoded = decodeCsvBytes(bytes);
  if ('issue' in decoded) throw reject(decoded.issue);
  return decoded.text;
}
