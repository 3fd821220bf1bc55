/**
 * The search box's query language, parsed by Candor itself so that no user text ever reaches
 * FTS5's MATCH or PostgreSQL's tsquery syntax: words (all must occur), "quoted phrases",
 * `OR` between two terms, `-term` to exclude, `prefix*`. The parsed query is written out for
 * either database by `toFts5` and `toTsquery`, from words made only of letters and digits.
 */
import { CandorError } from '../core/index.js';

/** One word, or several that must follow each other (a phrase); `prefix`: the last may go on. */
export interface SearchTerm {
  /** Lower-case runs of letters and digits, never empty. */
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/** Every group must match (AND); a group matches when any of its terms does (OR). */
export interface SearchQuery {
  readonly groups: readonly (readonly SearchTerm[])[];
  /** No matching segment may contain any of these. */
  readonly excluded: readonly SearchTerm[];
}

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 500;
/** Most terms (words, phrases, exclusions) in one query: each is a posting list to read. */
export const MAX_QUERY_TERMS = 32;

/** A run of letters (with their combining marks) and digits: what both tokenizers index as a word. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

interface Token {
  readonly kind: 'term' | 'or';
  /** 1-based position of the token's first character, for messages. */
  readonly at: number;
  readonly term?: SearchTerm;
  readonly excluded?: boolean;
}

/**
 * Parses what a person typed into the search box.
 *
 * @throws CandorError VALIDATION_FAILED naming the character where the query goes wrong
 * @example parseSearchQuery('pricing "battery life" -grant recogn*')
 * // { groups: [[{ words: ['pricing'], prefix: false }], [{ words: ['battery', 'life'], prefix: false }], [{ words: ['recogn'], prefix: true }]], excluded: [{ words: ['grant'], prefix: false }] }
 */
export function parseSearchQuery(text: string): SearchQuery {
  if (text.length > MAX_QUERY_LENGTH) {
    fail(`the query is ${text.length} characters long; the most is ${MAX_QUERY_LENGTH}`, text, null);
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) fail('type at least one word to search for', text, null);
  if (tokens.filter((t) => t.kind === 'term').length > MAX_QUERY_TERMS) {
    fail(`the query has more than ${MAX_QUERY_TERMS} words and phrases`, text, null);
  }
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'or') {
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (before === undefined || before.kind === 'or') {
        fail(`OR at character ${token.at} needs a word or phrase before it`, text, token.at);
      }
      if (after === undefined || after.kind === 'or') {
        fail(`OR at character ${token.at} needs a word or phrase after it`, text, token.at);
      }
      if (before.excluded === true || after.excluded === true) {
        fail(`OR at character ${token.at} cannot join an excluded term`, text, token.at);
      }
      continue;
    }
    const term = token.term as SearchTerm;
    if (token.excluded === true) excluded.push(term);
    else if (tokens[i - 1]?.kind === 'or') (groups[groups.length - 1] as SearchTerm[]).push(term);
    else groups.push([term]);
  }
  if (groups.length === 0) fail('a search needs at least one word that is not excluded', text, null);
  return { groups, excluded };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    const at = i + 1;
    let excluded = false;
    if (char === '-') {
      const next = text[i + 1];
      if (next === undefined || /\s/u.test(next)) {
        fail(`- at character ${at} must be followed by a word or phrase, without a space`, text, at);
      }
      excluded = true;
      i++;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) fail(`unbalanced quote at character ${i + 1}`, text, i + 1);
      const words = wordsOf(text.slice(i + 1, close));
      if (words.length === 0) fail(`the phrase at character ${i + 1} has no words`, text, i + 1);
      const prefix = text[close + 1] === '*';
      tokens.push({ kind: 'term', at, excluded, term: { words, prefix } });
      i = close + (prefix ? 2 : 1);
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s"]/u.test(text[end] as string)) end++;
    const raw = text.slice(i, end);
    if (raw === 'OR' && !excluded) tokens.push({ kind: 'or', at });
    else tokens.push({ kind: 'term', at, excluded, term: bareTerm(raw, i + 1, text) });
    i = end;
  }
  return tokens;
}

/** A word as typed outside quotes; punctuation inside it (`e-mail`) makes it a phrase. */
function bareTerm(raw: string, at: number, text: string): SearchTerm {
  const star = raw.indexOf('*');
  const prefix = star !== -1;
  if (prefix && star !== raw.length - 1) {
    fail(`* at character ${at + star} may only end a word, as in pric*`, text, at + star);
  }
  const words = wordsOf(prefix ? raw.slice(0, -1) : raw);
  if (words.length === 0) {
    const message = prefix
      ? `* at character ${at + star} needs letters before it, as in pric*`
      : `"${raw}" at character ${at} has no letters or digits to search for`;
    fail(message, text, prefix ? at + star : at);
  }
  return { words, prefix };
}

function wordsOf(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => m[0]);
}

function fail(message: string, query: string, position: number | null): never {
  throw new CandorError('VALIDATION_FAILED', message, {
    field: 'query',
    query,
    ...(position === null ? {} : { position }),
  });
}

/**
 * The query in FTS5's syntax (https://www.sqlite.org/fts5.html §3): every word a quoted string,
 * so no word is ever read as an operator or column filter.
 * @example toFts5(parseSearchQuery('a OR "b c" -d')) // '(("a" OR "b c")) NOT "d"'
 */
export function toFts5(query: SearchQuery): string {
  const term = (t: SearchTerm): string =>
    `"${t.words.join(' ').replaceAll('"', '""')}"${t.prefix ? ' *' : ''}`;
  const positive = query.groups.map((g) => `(${g.map(term).join(' OR ')})`).join(' AND ');
  return query.excluded.reduce((expression, t) => `(${expression}) NOT ${term(t)}`, positive);
}

/**
 * The MATCH expression for `transcript_segment_fts` (migrations 0022, 0026): the query over the
 * `text` column only, and, when given, every facet token (see `searchFacets`) in the `facets`
 * column, so FTS5 intersects their posting lists.
 * @example toFts5Match(parseSearchQuery('budget'), ['fj6a6f62']) // 'text : (("budget")) AND facets : "fj6a6f62"'
 */
export function toFts5Match(query: SearchQuery, facets: readonly string[] = []): string {
  return [`text : (${toFts5(query)})`, ...facets.map((f) => `facets : "${f}"`)].join(' AND ');
}

/** Filter values that have a token in the search index's `facets` column (migration 0026). */
export interface FacetFilters {
  readonly jobId?: string;
  readonly candidateId?: string;
  /** As the filter gives it; compared ignoring ASCII letter case, as SQL `lower()` does. */
  readonly account?: string;
  readonly speaker?: string;
  /** A topic's label key (`nameSortKey`), as `knowledge_tag.label_key` holds it. */
  readonly topicKey?: string;
  /** A competitor's or product's label key. */
  readonly competitorKey?: string;
}

/**
 * The facet tokens of these filters, as migration 0026's triggers write them: a prefix and the
 * hexadecimal UTF-8 of the value (SQLite's `hex()`, folded to lower case by the tokenizer), the
 * account and speaker in SQLite's `lower()` (ASCII letters only).
 * @example searchFacets({ jobId: 'job_1' }) // ['fj6a6f625f31']
 */
export function searchFacets(filters: FacetFilters): string[] {
  const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');
  const lower = (value: string) => value.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const tokens: string[] = [];
  if (filters.jobId !== undefined) tokens.push(`fj${hex(filters.jobId)}`);
  if (filters.candidateId !== undefined) tokens.push(`fc${hex(filters.candidateId)}`);
  if (filters.account !== undefined) tokens.push(`fa${hex(lower(filters.account))}`);
  if (filters.speaker !== undefined) tokens.push(`fs${hex(lower(filters.speaker))}`);
  if (filters.topicKey !== undefined) tokens.push(`ft${hex(filters.topicKey)}`);
  if (filters.competitorKey !== undefined) tokens.push(`fk${hex(filters.competitorKey)}`);
  return tokens;
}

/**
 * The query in `to_tsquery` syntax (https://www.postgresql.org/docs/15/datatype-textsearch.html
 * §8.11.2): every word quoted, phrases joined by `<->`, prefixes marked `:*`.
 * @example toTsquery(parseSearchQuery('a OR "b c" -d')) // "('a' | 'b' <-> 'c') & !'d'"
 */
export function toTsquery(query: SearchQuery): string {
  const word = (w: string): string => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  const term = (t: SearchTerm): string => {
    const words = t.words.map(word);
    if (t.prefix) words[words.length - 1] += ':*';
    return words.length === 1 ? (words[0] as string) : `(${words.join(' <-> ')})`;
  };
  const positive = query.groups.map((g) => `(${g.map(term).join(' | ')})`).join(' & ');
  return [positive, ...query.excluded.map((t) => `!${term(t)}`)].join(' & ');
}
