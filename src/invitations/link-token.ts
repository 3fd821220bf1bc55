/**
 * Interview links: `/take/<token>`, where the token is 32 random bytes (256 bits) in base64url.
 * Only the token's SHA-256 is stored, so a copy of the database does not hold working links.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 43 base64url characters: what `newLinkToken` issues. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The path of the candidate's page for a token, under the web app. */
export function linkPath(token: string): string {
  return `/take/${token}`;
}

/** A fresh token and the hash to store. @example const { token, hash } = newLinkToken() */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

/** SHA-256 (hex) of a token, as stored in `invitation.token_hash`. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of an issued token (checked before any lookup). */
export function looksLikeLinkToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
