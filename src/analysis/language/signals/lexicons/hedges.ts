/**
 * Hedges: expressions that lower the speaker's commitment to what follows. Sources: Lakoff (1973)
 * "Hedges: a study in meaning criteria"; Biber (1988) Variation across Speech and Writing,
 * hedges category (maybe, sort of, kind of, more or less, almost); Hyland (1998) Hedging in
 * Scientific Research Articles (epistemic verbs and modals: I think, I believe, might, perhaps).
 *
 * "kind of" / "sort of" belong to hedges, not fillers, and only count when they modify an
 * adjective, verb or clause ("it was kind of hard"), not a noun ("what kind of tool"): see
 * `isHedgingKindOf` in `../hedges.ts`. Notation: see `../phrase-matcher.ts`.
 */
export const HEDGE_PHRASES: readonly string[] = [
  'I think',
  'I guess',
  'I suppose',
  'I believe',
  'I ~feel like',
  "I'd say",
  'I would say',
  'maybe',
  'perhaps',
  'probably',
  'possibly',
  'somewhat',
  'might',
  'hopefully',
  'not sure',
  "I'm not sure",
  'I am not sure',
  'not certain',
  'a bit',
  'a little bit',
  'more or less',
  'to some extent',
  'to some degree',
  'in a way',
  'it ~seem',
  'kind of',
  'sort of',
  'kinda',
  'sorta',
];

/** The two hedges that are also ordinary noun phrases ("what kind of tool"). */
export const NOUN_PHRASE_HEDGES: readonly string[] = ['kind of', 'sort of'];

/** Words before "kind of" that make it a noun phrase: "what kind of", "a sort of", "this kind of". */
export const KIND_OF_DETERMINERS: readonly string[] = [
  'what',
  'which',
  'whatever',
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'every',
  'each',
  'no',
  'one',
  'all',
  'same',
  'different',
  'other',
  'another',
  'right',
  'wrong',
  'new',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'its',
];
