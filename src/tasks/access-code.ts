// Invitation codes and session ids: random from node:crypto, stored only as SHA-256 (hex).
import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or typed from a letter survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_SYMBOLS = 28; // 28 × 5 bits = 140 bits (issue 6: at least 128)
const GROUP = 4;

/** A new code, e.g. "7KQ2-M9XD-…" (7 groups of 4). */
export function generateAccessCode(): string {
  const bytes = randomBytes(CODE_SYMBOLS);
  // 256 is a multiple of 32, so byte & 31 is uniform.
  const symbols = [...bytes].map((byte) => ALPHABET[byte & 31]).join('');
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** Typed or linked code → canonical form (upper case, no separators, O→0, I/L→1); null if it cannot be one. */
export function normalizeAccessCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_SYMBOLS && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}

export function accessCodeHash(normalized: string): string {
  return sha256Hex(normalized);
}

/** 256 random bits, URL-safe; the cookie value of a respondent session. */
export function generateSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
