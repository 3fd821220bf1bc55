/**
 * Sealing a secret Candor must give back later (an interviewer's CalDAV password), unlike login
 * passwords and tokens, which are only ever hashed. AES-256-GCM under a key derived with HKDF
 * from the server secret (CANDOR_SECRET or `<data>/secret`): a copy of the database alone does
 * not reveal the password, and a changed ciphertext or a different secret fails to open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { CandorError } from '../core/index.js';

const VERSION = 'v1';

function keyFor(serverSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'candor-secret-box', purpose, 32));
}

/**
 * @example const sealed = sealSecret(config.secret, 'caldav-password', 's3cret') // 'v1.…'
 */
export function sealSecret(serverSecret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * @throws CandorError CONFIG_INVALID when the text was sealed under another secret or altered
 * @example openSecret(config.secret, 'caldav-password', sealed) // 's3cret'
 */
export function openSecret(serverSecret: string, purpose: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  try {
    if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
      throw new Error('not a sealed secret');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFor(serverSecret, purpose),
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new CandorError(
      'CONFIG_INVALID',
      `a stored ${purpose} cannot be opened: it was sealed under another CANDOR_SECRET or altered; set it again`,
      { setting: 'CANDOR_SECRET', purpose },
      { cause: error },
    );
  }
}
