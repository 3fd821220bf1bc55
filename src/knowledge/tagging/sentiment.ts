import type { SentimentLabel } from '../../domain/index.js';
import { compoundScore } from '../../analysis/language/signals/sentiment.js';
import { phraseWords } from './stems.js';

/**
 * VADER's own band for a neutral compound score: positive ≥ +0.05, negative ≤ −0.05, neutral
 * between (Hutto & Gilbert 2014; the thresholds the vaderSentiment README gives for classifying
 * sentences, also used by analysis/language/signals/sentiment.ts).
 */
export const NEUTRAL_BAND = 0.05;

/**
 * Response tokens: back-channels ("continuers", Schegloff 1982), acknowledgements (Jefferson 1984)
 * and filled pauses (Clark & Fox Tree 2002). A turn made only of these says "I hear you", not what
 * the speaker thinks, yet VADER's lexicon scores several of them ("yeah" +0.30, "okay" +0.23,
 * "yes" +0.40, "no" −0.30, "sure" +0.32), so such a turn would read as an opinion. A segment with
 * no other word is not judged; one other word is enough ("Great.", "Terrible.").
 */
const RESPONSE_TOKENS = new Set([
  'yeah', 'yes', 'yep', 'yup', 'yah', 'ya', 'no', 'nope', 'nah', 'okay', 'ok', 'kay', 'right',
  'alright', 'sure', 'mm', 'mmm', 'hmm', 'mhm', 'hm', 'huh', 'uh', 'um', 'er', 'erm', 'ah', 'oh',
  'eh', 'so', 'well', 'and', 'but', 'anyway', 'mm-hmm', 'uh-huh', 'i', 'see',
]); // prettier-ignore

/**
 * Whether words are enough to judge sentiment: at least one word that is not a response token.
 * @example judgeable(['yeah', 'okay']) // false
 */
export function judgeable(lowerWords: readonly string[]): boolean {
  return lowerWords.some((w) => /\p{L}/u.test(w) && !RESPONSE_TOKENS.has(w));
}

/**
 * The label of a VADER compound score (±0.05, Hutto & Gilbert 2014).
 * @example sentimentLabel(0.6588) // 'positive'
 */
export function sentimentLabel(compound: number): SentimentLabel {
  if (compound >= NEUTRAL_BAND) return 'positive';
  if (compound <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/**
 * The sentiment a `sentiment` tag records for one stretch of text, or null when it is only
 * response tokens (see `judgeable`). The bench scores this against human ratings.
 * @example textSentiment('The onboarding was painful.') // { label: 'negative', compound: -0.4404 }
 * @example textSentiment('Yeah. Okay.') // null
 */
export function textSentiment(text: string): { label: SentimentLabel; compound: number } | null {
  if (!judgeable(phraseWords(text).map((w) => w.toLowerCase()))) return null;
  const compound = compoundScore(text);
  return { label: sentimentLabel(compound), compound };
}
