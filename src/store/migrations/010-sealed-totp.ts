// TOTP secrets may be stored sealed (totp-secret-box.ts: "enc1:" + Base64url of nonce, ciphertext and tag
// of a 32-character Base32 secret) when the server has DIGITALMONITOR_SECRET_KEY; plain ones stay valid.
import type { Migration } from '../migrate.js';

export const sealedTotp: Migration = {
  id: '010-sealed-totp',
  statements: [
    'ALTER TABLE users DROP CONSTRAINT users_totp_secret_check',
    `ALTER TABLE users ADD CONSTRAINT users_totp_secret_check CHECK (totp_secret ~ '^[A-Z2-7]{32}$' OR totp_secret ~ '^enc1:[A-Za-z0-9_-]{80}$')`,
  ],
};
