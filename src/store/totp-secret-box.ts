// TOTP secrets at rest, when DIGITALMONITOR_SECRET_KEY is configured: AES-256-GCM (node:crypto) with the
// SHA-256 of the configured key, a random 96-bit nonce per secret and the account id as additional data
// (a sealed secret copied to another account does not open). A database dump or backup then holds no
// usable second factor; the key stays with the server's configuration.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DmError } from '../errors.js';

const PREFIX = 'enc1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  seal(secret: string, userId: number): string;
  /** DM_SECRET_KEY_MISMATCH when the stored value was sealed with another key (or altered). */
  open(stored: string, userId: number): string;
}

/** Whether a stored TOTP secret is sealed (else it is the plain Base32 secret of an installation without key). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function secretBox(configuredKey: string): SecretBox {
  const key = createHash('sha256').update(configuredKey, 'utf8').digest();
  const additional = (userId: number) => Buffer.from(`user:${userId}`, 'utf8');
  return {
    seal(secret, userId) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(additional(userId));
      const sealed = Buffer.concat([nonce, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return PREFIX + sealed.toString('base64url');
    },
    open(stored, userId) {
      const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES)).setAAD(additional(userId));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new DmError('DM_SECRET_KEY_MISMATCH');
      }
    },
  };
}
