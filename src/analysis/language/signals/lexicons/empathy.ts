/**
 * Empathy markers: taking another person's perspective and responding to their feelings.
 * Sources: "interpersonal understanding" in Spencer & Spencer (1993) Competence at Work
 * (listens, understands unspoken feelings and concerns); the empathic-communication behaviours
 * of Rogers (1957) and of customer-service interview rubrics (acknowledge, reassure, follow up).
 * Entries in `ABOUT_OTHERS_ONLY` count only when no first-person pronoun sits next to them:
 * "the client was frustrated" shows attention to another person, "I was frustrated" does not.
 * Notation: see `../phrase-matcher.ts` (`~` = any inflection, `...` = a short gap).
 */
export const EMPATHY_PHRASES: readonly string[] = [
  'understand how they felt',
  'how they felt',
  'how he felt',
  'how she felt',
  'how they were feeling',
  'how he was feeling',
  'how she was feeling',
  'their perspective',
  'his perspective',
  'her perspective',
  'their point of view',
  'their side',
  'their shoes',
  'put myself in',
  '~listen',
  '~acknowledge',
  'concerns',
  'their concerns',
  'frustrated',
  'frustration',
  'upset',
  '~reassure',
  'supported',
  '~support them',
  '~support him',
  '~support her',
  'asked how they',
  'asked how he',
  'asked how she',
  'asked them how',
  '~appreciate',
  '~empathize',
  'empathy',
  'their needs',
  'their feelings',
  'felt heard',
  'made sure they felt',
  'checked in with',
];

/** Labels (as the matcher reports them) that count only when the feeling is someone else's. */
export const ABOUT_OTHERS_ONLY: readonly string[] = ['frustrated', 'frustration', 'upset', 'concerns'];

/** Pronouns that make an emotion word the speaker's own. */
export const FIRST_PERSON_PRONOUNS: readonly string[] = ['i', "i'm", 'me', 'myself', 'we', 'us', 'ourselves'];
