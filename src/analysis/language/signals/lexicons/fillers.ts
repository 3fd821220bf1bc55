/**
 * Filler lexicon. Sources: Clark & Fox Tree (2002), "Using uh and um in spontaneous speaking",
 * Cognition 84 — uh/um are words a speaker plans to signal a delay; Fox Tree & Schrock (2002) on
 * "I mean" and "you know" as discourse markers; Dailey-O'Cain (2000) and Andersen (2001) on
 * discourse "like" (focuser, quotative) versus verb and preposition "like".
 *
 * Only the vocal fillers are listed here: "like", "you know" and "I mean" need their neighbours
 * to decide and are judged by the rules in `../fillers.ts`.
 */

/**
 * Vocal fillers, always counted except when hyphen-joined into a backchannel or exclamation
 * ("mm-hmm", "uh-huh", "uh-uh", "uh-oh"): those mean "yes", "no" or "oops", not a delay.
 */
export const FILLER_SOUNDS: readonly string[] = [
  'um',
  'umm',
  'uhm',
  'uh',
  'uhh',
  'er',
  'erm',
  'ah',
  'hmm',
  'hm',
  'mm',
  'mmm',
];

/**
 * Discourse adverbs counted as fillers wherever they occur. "basically" rarely adds content in
 * spoken answers. "actually" is deliberately NOT counted: it usually marks a contrast or a
 * correction ("we actually shipped it early"), which is content (Aijmer 2002, ch. 6).
 */
export const FILLER_ADVERBS: readonly string[] = ['basically'];

/**
 * Words between a subject and "like" that do not stop "like" being a verb:
 * "I really like", "we don't like", "they'd also like".
 */
export const LIKE_VERB_SKIPPABLE: readonly string[] = [
  'really',
  'also',
  'just',
  'still',
  'always',
  'never',
  'actually',
  'especially',
  'do',
  'does',
  'did',
  "n't",
  'not',
  'would',
  "'d",
  'should',
  'could',
  'might',
  'will',
  "'ll",
  'to',
];

/** A subject, modal or infinitive marker before "like" (modulo the words above) makes it a verb. */
export const LIKE_VERB_ANCHORS: readonly string[] = [
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'people',
  'who',
  'would',
  "'d",
  'should',
  'could',
  'might',
  'will',
  "'ll",
  'to',
  'do',
  'does',
  'did',
  "n't",
];

/** Lemmas after which "like" compares ("looks like a bug", "something like 20 users"). */
export const LIKE_COMPARISON_HEADS: readonly string[] = [
  'look',
  'sound',
  'seem',
  'feel',
  'taste',
  'smell',
  'act',
  'something',
  'anything',
  'nothing',
  'more',
  'less',
  'thing',
  'stuff',
  'much',
];

/** Intensifiers a discourse "like" typically focuses: "it was like really hard". */
export const LIKE_FOCUSED_INTENSIFIERS: readonly string[] = [
  'really',
  'so',
  'super',
  'totally',
  'literally',
  'just',
  'very',
  'basically',
  'actually',
  'completely',
  'even',
];
