import { CandorError } from '../../core/index.js';
import type { TopicDefinition, TrackedName } from '../../domain/index.js';
import { buildDocumentFromSegments } from '../../analysis/language/text-document.js';
import type { PhraseIndex } from './phrase-index.js';
import { nameIndex } from './names.js';
import { stemKeys, topicIndex } from './topics.js';

export interface SuggestOptions {
  /**
   * Fewest interviews a phrase or name must recur in (default 2: "recurring" means more than one
   * conversation; a large workspace will want more).
   */
  readonly minInterviews?: number;
  /** Most suggestions returned (default all). */
  readonly limit?: number;
}

/**
 * Suggested new topics: keyphrases that recur in at least `minInterviews` interviews and that no
 * topic already covers, matched the way the tagger matches (a topic name or synonym said inside
 * the phrase, by stem: "price list" is covered by pricing ← price). Inflections of one phrase
 * ("price list", "price lists") are one suggestion, with the larger count. Best first: most
 * interviews, then alphabetical.
 * @example suggestTopics([{ phrase: 'remote control', interviews: 9 }, { phrase: 'prices', interviews: 12 }],
 *   [{ id: 't1', name: 'pricing', synonyms: [] }]) // [{ phrase: 'remote control', interviews: 9 }]
 */
export function suggestTopics(
  keyphrases: readonly { readonly phrase: string; readonly interviews: number }[],
  topics: readonly TopicDefinition[],
  options: SuggestOptions = {},
): { phrase: string; interviews: number }[] {
  const rows = keyphrases.map((k, i) => ({
    text: k.phrase,
    interviews: k.interviews,
    place: `keyphrases[${i}]`,
  }));
  return suggest(rows, topicIndex(topics), (text) => stemKeys(text).join(' '), options).map((r) => ({
    phrase: r.text,
    interviews: r.interviews,
  }));
}

/**
 * Suggested names to track: capitalised names that looked like organisations in at least
 * `minInterviews` interviews and that no tracked name or alias already covers (the tagger's case
 * rule: a tracked "Slack" covers "Slack Technologies"). Spellings differing only in case are one
 * suggestion. Best first: most interviews, then alphabetical.
 * @example suggestNames([{ name: 'Acme Corp', interviews: 4 }], []) // [{ name: 'Acme Corp', interviews: 4 }]
 */
export function suggestNames(
  organisations: readonly { readonly name: string; readonly interviews: number }[],
  names: readonly TrackedName[],
  options: SuggestOptions = {},
): { name: string; interviews: number }[] {
  const rows = organisations.map((o, i) => ({
    text: o.name,
    interviews: o.interviews,
    place: `organisations[${i}]`,
  }));
  return suggest(
    rows,
    nameIndex(names),
    (text) => text.toLowerCase().replace(/\s+/g, ' ').trim(),
    options,
  ).map((r) => ({
    name: r.text,
    interviews: r.interviews,
  }));
}

interface Row {
  readonly text: string;
  readonly interviews: number;
  readonly place: string;
}

function suggest<T>(
  rows: readonly Row[],
  covered: PhraseIndex<T>,
  keyOf: (text: string) => string,
  options: SuggestOptions,
): Row[] {
  const minInterviews = options.minInterviews ?? 2;
  const best = new Map<string, Row>();
  for (const row of rows) {
    if (typeof row.text !== 'string' || !Number.isFinite(row.interviews) || row.interviews < 0)
      throw new CandorError(
        'VALIDATION_FAILED',
        `${row.place}: expected a text and a count of interviews ≥ 0`,
        {
          field: row.place,
        },
      );
    if (row.interviews < minInterviews) continue;
    const key = keyOf(row.text);
    if (key === '') continue;
    const seen = best.get(key);
    if (seen && seen.interviews >= row.interviews) continue;
    const doc = buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text: row.text }]);
    if (covered.find(doc.tokens).length > 0) continue;
    best.set(key, row);
  }
  const sorted = [...best.values()].sort(
    (a, b) => b.interviews - a.interviews || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  return options.limit === undefined ? sorted : sorted.slice(0, Math.max(0, options.limit));
}
