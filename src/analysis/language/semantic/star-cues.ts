import type { AnswerDocument, Token } from '../text-document.js';

/**
 * Cues for the four parts of a behavioural answer, STAR: Situation, Task, Action, Result
 * (Development Dimensions International's "STAR" for behaviour-based interviewing; Janz 1982 on
 * patterned behaviour description interviews). Past behaviour is the point, so the action and
 * result cues require past-tense verbs: "I would talk to them" is not an action the candidate took.
 * Each cue adds to a sentence's score for a part; a part is shown when some sentence scores ≥ 1.
 */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];
export type StarScores = Record<StarPart, number>;

/** A sentence shows a part when its cues add up to this. */
export const STAR_THRESHOLD = 1;

const w = (source: string): RegExp => new RegExp(`\\b(?:${source})\\b`);
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

const SITUATION: readonly [RegExp, number][] = [
  // time and place scene-setting: "at my last job", "when I was", "last year", "two years ago"
  [
    w(
      `(?:at|in|during) my (?:last|previous|former|current|old|first|second|summer|graduate) (?:job|role|position|company|employer|team|internship|placement|workplace|project|year)`,
    ),
    1,
  ],
  [w(`(?:when|while) (?:i|we) (?:was|were|worked|joined|started|moved|led|ran)`), 1],
  [w(`while (?:working|studying|interning|volunteering)`), 1],
  [
    w(
      `(?:last|this past|one|that) (?:year|month|week|summer|spring|autumn|fall|winter|semester|term|quarter)`,
    ),
    1,
  ],
  [w(`(?:a|one|two|three|four|five|a few|several|some|a couple of) (?:years?|months?|weeks?) ago`), 1],
  [w(`back in|in (?:19|20)\\d\\d|there was a time|one time`), 1],
  [
    w(
      `(?:i|we) (?:was|were) (?:working|employed|interning|studying) (?:as|at|on|for|in)|i worked (?:as|at|for)`,
    ),
    1,
  ],
  [
    w(
      `(?:our|the|my) (?:team|company|project|client|customer|store|department|manager|startup|group|school) (?:was|were|had)`,
    ),
    0.75,
  ],
  [w(`we (?:were|had) (?:working|facing|behind|about|running|trying|a|an|only|just)`), 0.5],
];

const TASK: readonly [RegExp, number][] = [
  [
    w(
      `(?:i|we) (?:was|were) (?:responsible|in charge|tasked|asked|assigned|expected|supposed|hired|brought in|chosen|given)`,
    ),
    1,
  ],
  [
    w(
      `(?:my|our) (?:goal|job|task|role|responsibility|objective|challenge|assignment|mission|aim|brief) (?:was|were|became)`,
    ),
    1,
  ],
  [w(`the (?:goal|task|challenge|objective|problem|aim|issue|requirement) was`), 1],
  [w(`(?:i|we) (?:needed|had|wanted|was trying|were trying) to`), 1],
  [w(`it was (?:up to me|up to us|my job|my responsibility|on me)`), 1],
  [w(`(?:i|we) had (?:a|an|the) (?:deadline|target|goal|budget)`), 0.75],
  // a constraint that defines the task: "we had five days to finish", "I had only a week to"
  [w(`(?:i|we) had (?:only |just )?(?:\\w+ )?(?:days?|weeks?|hours?|months?)(?: \\w+){0,3} to`), 1],
  [w(`responsible for|in charge of`), 0.5],
];

const RESULT_PHRASES: readonly [RegExp, number][] = [
  [
    w(
      `as a result|in the end|at the end of the day|ended up|end result|which (?:led|resulted)|led to|resulted in|the (?:result|outcome) was|the outcome|eventually|this meant|that meant|paid off|turned out`,
    ),
    1,
  ],
  [
    w(
      `(?:i|we) (?:learned|learnt|realised|realized)|taught me|the lesson|since then|from then on|now i always`,
    ),
    1,
  ],
  [
    w(
      `(?:client|customer|manager|team|boss|users?) (?:was|were) (?:happy|pleased|thrilled|satisfied|impressed)|praised|thanked|got promoted|was promoted|award`,
    ),
    1,
  ],
  // measured outcomes: "by 30%", "20 percent", "three times faster", "$5k"
  [/\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\b\d+(?:x| times)\b|[$£€]\s?\d/, 0.5],
];

/** Verbs that report an outcome when used in the past: "we reduced", "sales increased". */
const OUTCOME_VERBS = wordSet(`
  reduce increase improve save grow double triple halve boost raise lower drop decrease deliver
  achieve win ship launch complete finish exceed solve resolve succeed earn gain cut meet beat
  recover retain
`);

/** Verbs that are acts, not states, after "I"/"we": the candidate did something. */
const ACTION_VERBS = wordSet(`
  set organize organise decide build create lead schedule implement write design propose talk meet
  call ask reach analyze analyse develop launch introduce negotiate resolve coordinate train
  prioritize prioritise split automate fix review present convince plan contact research test
  rewrite suggest explain persuade delegate escalate mentor refactor draft run start change
  restructure gather collect interview survey measure track document prepare arrange hire teach
  listen email
`);

/** Verbs of state or thought: "I was", "I felt", "I thought" set a scene but are not actions. */
const STATE_VERBS = wordSet(`
  be have feel think know want need like love hope seem guess wonder believe remember enjoy hate
  mean wish get learn realize realise notice understand see hear
`);

/** Past forms that equal their lemma; after "I"/"we" in a story they are read as past. */
const SAME_FORM_PAST = wordSet('set put cut let hit split shut spread quit read run cost');
const SKIPPABLE_POS = new Set(['ADV', 'AUX', 'PART']);

function isPast(token: Token): boolean {
  if (token.lower.endsWith('ed')) return true;
  if (SAME_FORM_PAST.has(token.lower)) return true;
  return token.lower !== token.lemma && !/(?:s|ing)$/.test(token.lower);
}

/**
 * Score of a sentence for each STAR part; a part is shown at STAR_THRESHOLD.
 * @example starScores(docFromText('As a result we saved 10%.'), 0).result // 2.5
 */
export function starScores(doc: AnswerDocument, sentence: number): StarScores {
  const s = doc.sentences[sentence];
  const scores: StarScores = { situation: 0, task: 0, action: 0, result: 0 };
  if (!s) return scores;
  const text = s.text.toLowerCase().replace(/[’‘]/g, "'");
  for (const [pattern, weight] of SITUATION) if (pattern.test(text)) scores.situation += weight;
  for (const [pattern, weight] of TASK) if (pattern.test(text)) scores.task += weight;
  for (const [pattern, weight] of RESULT_PHRASES) if (pattern.test(text)) scores.result += weight;

  let pastVerbs = 0;
  for (let i = s.firstToken; i <= s.lastToken; i++) {
    const token = doc.tokens[i];
    if (!token) continue;
    if ((token.pos === 'VERB' || token.pos === 'AUX') && isPast(token)) pastVerbs++;
    if (token.pos === 'VERB' && OUTCOME_VERBS.has(token.lemma) && isPast(token)) scores.result += 1;
    if (token.pos === 'PRON' && (token.lower === 'i' || token.lower === 'we'))
      scores.action += actionAfter(doc.tokens, i + 1, s.lastToken);
  }
  // Past-tense narration is what turns "the team" or "a client" into a scene (situation).
  if (pastVerbs > 0 && scores.situation > 0) scores.situation += 0.25;
  if (scores.action > 0 && /^(?:first|then|next|after that|so|afterwards|finally)\b/.test(text))
    scores.action += 0.25;
  scores.action = Math.min(scores.action, 2);
  scores.result = Math.min(scores.result, 3);
  return scores;
}

/** Credit for a past-tense action verb right after "I"/"we" (skipping adverbs and auxiliaries). */
function actionAfter(tokens: readonly Token[], from: number, last: number): number {
  let passive = false;
  for (let i = from; i <= Math.min(last, from + 3); i++) {
    const token = tokens[i];
    if (!token) return 0;
    if (SKIPPABLE_POS.has(token.pos) && token.lemma !== 'to') {
      if (token.lemma === 'be') passive = true;
      continue;
    }
    if (token.pos !== 'VERB' || passive || STATE_VERBS.has(token.lemma) || !isPast(token)) return 0;
    return ACTION_VERBS.has(token.lemma) ? 1.5 : 1;
  }
  return 0;
}
