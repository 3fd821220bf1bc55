/**
 * What a knowledge topic or tracked name may hold: a name, and the synonyms or aliases that count
 * as it. Checked before anything is written, each error naming the field and its place.
 */
import { CandorError } from '../../core/index.js';
import { nameSortKey } from '../name-key.js';

/** Longest topic or tracked name, and longest synonym or alias, in characters. */
export const MAX_TERM_LENGTH = 100;
/** Most synonyms of one topic (aliases of one name). */
export const MAX_TERMS = 200;

/**
 * The trimmed name, checked.
 * @throws CandorError VALIDATION_FAILED naming the field
 * @example cleanName(' Pricing ', 'name') // 'Pricing'
 */
export function cleanName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid(field, `${field}: expected a non-empty name`);
  if (trimmed.length > MAX_TERM_LENGTH) {
    throw invalid(field, `${field}: expected at most ${MAX_TERM_LENGTH} characters, got ${trimmed.length}`);
  }
  return trimmed;
}

/**
 * Synonyms or aliases trimmed, the repeats (ignoring case and accents) dropped, first spelling kept.
 * @throws CandorError VALIDATION_FAILED naming the field and index (`synonyms[2]: …`)
 * @example cleanTerms(['price', ' Cost', 'PRICE'], 'synonyms') // ['price', 'Cost']
 */
export function cleanTerms(terms: readonly unknown[], field: string): string[] {
  if (terms.length > MAX_TERMS) {
    throw invalid(field, `${field}: expected at most ${MAX_TERMS} entries, got ${terms.length}`);
  }
  const seen = new Set<string>();
  const kept: string[] = [];
  terms.forEach((term, i) => {
    const place = `${field}[${i}]`;
    if (typeof term !== 'string') throw invalid(place, `${place}: expected a string`);
    const trimmed = term.trim();
    if (trimmed === '') throw invalid(place, `${place}: expected a non-empty word or phrase`);
    if (trimmed.length > MAX_TERM_LENGTH) {
      throw invalid(place, `${place}: expected at most ${MAX_TERM_LENGTH} characters, got ${trimmed.length}`);
    }
    const key = nameSortKey(trimmed);
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(trimmed);
  });
  return kept;
}

function invalid(field: string, message: string): CandorError {
  return new CandorError('VALIDATION_FAILED', message, { field });
}
