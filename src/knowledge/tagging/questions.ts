import type { Token } from '../../analysis/language/text-document.js';

/** How a question was recognised. */
export type QuestionForm = 'question mark' | 'interrogative';

/** Words that open a turn without changing its form ("so what do you think"). */
const OPENERS = new Set([
  'so', 'and', 'but', 'okay', 'ok', 'well', 'um', 'uh', 'then', 'now', 'right', 'alright', 'yeah',
  'oh', 'hmm', 'also', 'or', 'anyway',
]); // prettier-ignore
const WH = new Set(['what', 'who', 'whom', 'whose', 'which', 'why', 'when', 'where', 'how']);
/** Auxiliaries and modals that open a yes/no question when a subject follows (Quirk et al. 1985 §11.5). */
const INVERTING = new Set([
  'is', 'are', 'was', 'were', 'am', 'does', 'did', 'can', 'could', 'will', 'would', 'should',
  'shall', 'may', 'might', 'must', 'has', 'had', 'ca', 'wo', 'sha',
]); // prettier-ignore
/** "do" and "have" also open imperatives ("Do the slides", "Have a look"): only a pronoun subject counts. */
const WEAK_INVERTING = new Set(['do', 'have']);
const SUBJECT = new Set(['PRON', 'PROPN', 'NOUN', 'DET', 'NUM']);
/** Subjects the tagger may read as another part of speech ("is that…" with "that" as SCONJ). */
const SUBJECT_WORDS = new Set([
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'it',
  'that',
  'this',
  'there',
  'these',
  'those',
]);
/** After a wh-word, these make a question ("how much", "how long", "what about", "what if"). */
const WH_FOLLOWERS = new Set([
  'much',
  'many',
  'long',
  'often',
  'far',
  'about',
  'if',
  'else',
  'come',
  'kind',
  'sort',
]);

/**
 * Whether a sentence is a question: it ends with "?", or — when it has no final punctuation, as in
 * speech-recognition output — it opens, or a clause after a discourse marker ("so", "okay", "um" …)
 * opens, in interrogative form: a
 * wh-word followed by an auxiliary or modal ("how does it…", "what would you…") or by "much",
 * "about", "if" …; or subject–auxiliary inversion ("can we…", "is it…", "do you…"). A sentence
 * punctuated with "." or "!" was judged a statement by whoever punctuated it and is left alone.
 * Free relatives ("what I mean is…", "when we get there…") are not questions: no auxiliary follows.
 * @example questionForm(tokensOf('so how much does it cost')) // 'interrogative'
 */
export function questionForm(tokens: readonly Token[]): QuestionForm | null {
  const words = tokens.filter((t) => t.isWord);
  const last = tokens.at(-1);
  if (last === undefined || words.length === 0) return null;
  if (last.text === '?' || /\?$/.test(last.text)) return 'question mark';
  if (last.type === 'punctuation' && /^[.!…]+$/.test(last.text)) return null;
  if (tokens.some((t) => t.text === '?')) return null;

  // Unpunctuated speech runs clauses together: a question may open after a discourse marker
  // mid-turn ("right um time for presentations then so who would like to go first").
  for (let start = 0; start < words.length; start++) {
    if (start > 0 && !OPENERS.has((words[start - 1] as Token).lower)) continue;
    if (start > 0 && OPENERS.has((words[start] as Token).lower)) continue;
    if (opensQuestion(words, start)) return 'interrogative';
  }
  return null;
}

/** Whether the words from `i` (after any openers) are in interrogative form. */
function opensQuestion(words: readonly Token[], i: number): boolean {
  while (i < words.length && OPENERS.has((words[i] as Token).lower)) i++;
  const first = words[i];
  const next = words[i + 1];
  if (first === undefined || next === undefined) return false;
  if (WH.has(first.lower)) {
    if (next.pos === 'AUX' || INVERTING.has(next.lower) || WEAK_INVERTING.has(next.lower)) return true;
    return WH_FOLLOWERS.has(next.lower);
  }
  const subject = SUBJECT.has(next.pos) || SUBJECT_WORDS.has(next.lower);
  if (INVERTING.has(first.lower) && subject) return true;
  return WEAK_INVERTING.has(first.lower) && (next.pos === 'PRON' || SUBJECT_WORDS.has(next.lower));
}
