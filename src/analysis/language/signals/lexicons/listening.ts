/**
 * Listening markers: the answer shows it took up the question. Sources: active listening as
 * paraphrasing and checking understanding (Rogers & Farson 1957, "Active Listening"); the
 * "answers the question asked" row of structured-interview rubrics.
 * Notation: see `../phrase-matcher.ts` (`~` = any inflection, `...` = a short gap).
 */
export const LISTENING_PHRASES: readonly string[] = [
  'as you mentioned',
  'as you said',
  'like you said',
  'you mentioned',
  'you asked',
  'you said',
  'to your question',
  'your question',
  'if I understand',
  'if I understood',
  'to clarify',
  'good question',
  'great question',
  'that is a good question',
  'in other words',
  'what you are asking',
  "what you're asking",
  'if I heard you',
];

/**
 * Words of question templates that say nothing about the topic ("Tell me about a time when you
 * had to…"): an answer repeating them does not show it listened.
 */
export const PROMPT_TEMPLATE_WORDS: readonly string[] = [
  'tell',
  'describe',
  'give',
  'example',
  'time',
  'situation',
  'talk',
  'walk',
  'share',
  'explain',
  'think',
  'question',
  'answer',
  'thing',
  'way',
  'get',
  'make',
  'know',
  'say',
  'like',
  'would',
  'could',
];
