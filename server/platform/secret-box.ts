import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals small secrets the server must be able to read back (the shared secret of an authenticator app) with
 * AES-256-GCM under `SECRET_ENCRYPTION_KEY`, so that a copy of the database or a backup alone does not give them
 * away (ASVS 2.8.2, 6.2). A sealed value reads "v1.<iv>.<tag>.<ciphertext>" (base64url); a value without that
 * prefix was stored before a key was set and is read as it is.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
}

const prefix = 'v1.';

/** The key from the environment: 32 bytes as base64 (44 characters) or hex (64). */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}

export function createSecretBox(keyText: string | undefined): SecretBox {
  const key = keyText ? parseEncryptionKey(keyText) : undefined;
  if (keyText && !key) throw new Error('SECRET_ENCRYPTION_KEY must be 32 bytes, as base64 or hex');
  return {
    seal(plain) {
      if (!key) return plain;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${prefix}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(prefix)) return stored;
      if (!key) throw new Error('a sealed secret was found but SECRET_ENCRYPTION_KEY is not set');
      const [iv, tag, sealed] = stored.slice(prefix.length).split('.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
