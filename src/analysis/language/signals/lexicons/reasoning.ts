/**
 * Reasoning markers: causal and contrastive connectives and the vocabulary of weighing options.
 * Sources: the causal-connective lists of Coh-Metrix (Graesser, McNamara, Louwerse & Cai 2004,
 * "Coh-Metrix: Analysis of text on cohesion and language"); Halliday & Hasan (1976) Cohesion in
 * English, causal and adversative conjunction; "problem solving / decision making" rows of
 * behavioural-interview rubrics (explains why, compares alternatives, names trade-offs).
 * Notation: see `../phrase-matcher.ts` (`~` = any inflection, `...` = a short gap).
 */
export const REASONING_PHRASES: readonly string[] = [
  'because',
  'so that',
  'therefore',
  'thus',
  'hence',
  'consequently',
  'as a result',
  'which meant',
  'which means',
  "that's why",
  'that is why',
  'which is why',
  'due to',
  'trade-off',
  'trade-offs',
  'tradeoff',
  'tradeoffs',
  'trade off',
  'on the other hand',
  'instead of',
  'compared to',
  'compared with',
  'rather than',
  'the reason',
  'the main reason',
  'if ... then',
  '~weigh',
  'pros and cons',
  'root cause',
  'the downside',
  'the upside',
];
