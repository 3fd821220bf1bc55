/**
 * Adaptability markers. Sources: Pulakos, Arad, Donovan & Plamondon (2000), "Adaptability in the
 * workplace", Journal of Applied Psychology 85 — dimensions "dealing with uncertain situations",
 * "learning new tasks, technologies and procedures", "handling emergencies"; the "flexibility"
 * competency of Spencer & Spencer (1993).
 * Wink lemmatises some irregular forms as nouns ("learnt", "rethought"), so they are listed.
 * Notation: see `../phrase-matcher.ts` (`~` = any inflection, `...` = a short gap).
 */
export const ADAPTABILITY_PHRASES: readonly string[] = [
  '~adapt',
  '~adjust',
  'changed course',
  'change course',
  '~pivot',
  // Learning counts as reflection on a change ("I learned"), not as a trait ("a fast learner").
  'learned',
  'learnt',
  'i had to learn',
  'lessons learned',
  'new approach',
  'different approach',
  'another approach',
  'changed our approach',
  'changed my approach',
  'flexible',
  'flexibility',
  '~switch',
  "when that didn't work",
  'when that did not work',
  "when it didn't work",
  "that didn't work",
  '~iterate',
  '~rethink',
  'rethought',
  '~reconsider',
  'reprioritized',
  'reprioritised',
  'plan b',
  'tried a different',
  'on the fly',
];
