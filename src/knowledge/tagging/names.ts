import { CandorError } from '../../core/index.js';
import type { TrackedName } from '../../domain/index.js';
import type { Token } from '../../analysis/language/text-document.js';
import { PhraseIndex, type PhraseSpec } from './phrase-index.js';
import { phraseWords } from './stems.js';

/** How a configured word must be written in the transcript to count. */
type CaseRule = 'any' | 'capital' | 'upper';

const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/**
 * The letter case a name or alias is written in decides how it matches, word by word:
 * - all lower case ("acme", "gong.io"): any case. Write an alias this way when the word is no
 *   common word, so uncased speech-recognition output ("we moved to salesforce") matches too.
 * - with a capital ("Slack", "Notion", "HubSpot", "iPhone"): the transcript's word must have a
 *   capital as well, so "Slack" the product matches but "some slack in the schedule" does not.
 *   A sentence-initial "Slack" still matches: case cannot tell there, and a mention is likelier
 *   than the common word in a conversation that tracks the name.
 * - all capitals, two letters or more ("SAP", "IBM"): the word must be all capitals ("sap" no).
 * Whole words only, compared lower-cased once the case rule holds; a possessive "Slack's" counts.
 */
function caseRule(word: string): CaseRule {
  if (!HAS_UPPER.test(word)) return 'any';
  if (!HAS_LOWER.test(word) && word.replace(/[^\p{L}]/gu, '').length >= 2) return 'upper';
  return 'capital';
}

function caseHolds(rule: CaseRule, text: string): boolean {
  if (rule === 'any') return true;
  if (rule === 'capital') return HAS_UPPER.test(text);
  return !HAS_LOWER.test(text);
}

/**
 * A word's key, lower-cased: the tokenizer keeps an abbreviation's period ("Corp." at the end of
 * "We compared Acme Corp."), so a final period is dropped from both the transcript's words and
 * the configured ones.
 */
const wordKey = (word: string): string =>
  word
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/(?<=\p{L})\.$/u, '');
const lowerKey = (token: Token): string => wordKey(token.lower);

/**
 * Compiles tracked names and their aliases into one phrase index (the case rule above). Throws
 * VALIDATION_FAILED naming the tracked name and alias that has no words.
 * @example nameIndex([{ id: 'n1', kind: 'competitor', name: 'Slack', aliases: [] }]).find(doc.tokens)
 */
export function nameIndex(names: readonly TrackedName[]): PhraseIndex<TrackedName> {
  const specs: PhraseSpec<TrackedName>[] = [];
  names.forEach((name, index) => {
    const seen = new Set<string>();
    for (const [place, phrase] of [
      ['name', name.name],
      ...name.aliases.map((a, i) => [`alias ${i + 1}`, a] as const),
    ] as const) {
      const words = typeof phrase === 'string' ? phraseWords(phrase) : [];
      if (words.length === 0) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `names[${index}] "${name.name}": the ${place} ${JSON.stringify(phrase)} has no words`,
          { field: `names[${index}]`, name: name.id },
        );
      }
      const rules = words.map(caseRule);
      const key = `${words.join(' ')}|${rules.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      specs.push({
        value: name,
        keys: words.map(wordKey),
        accept: (token, k) => caseHolds(rules[k] ?? 'any', token.text),
      });
    }
  });
  return new PhraseIndex(specs, lowerKey);
}
