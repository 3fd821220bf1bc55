/**
 * Is a sentence an action item? Hand-written rules for the speech acts that put work on someone:
 * Searle's (1976) commissives (the speaker commits to a future act: "I'll send the proposal") and
 * directives (the speaker tries to get the hearer to act: "Can you fix onboarding?", "Send me the
 * numbers", and questions, which direct the hearer to answer), plus the two mixed acts Cohen,
 * Carvalho & Mitchell (2004, "Learning to classify email into speech acts") tag in email as
 * `propose` ("Let's meet Tuesday", "we should …") and that meeting notes call a need ("we need to
 * fix onboarding", an act the group owes without a named owner).
 *
 * The rules were written from those definitions, then checked against the dev half of the
 * Parakweet e-mail intent sentences (bench/action-items.mjs); the bench reports the other half.
 *
 * `confidence` is an ordinal strength of the cue, not a calibrated probability: an explicit
 * first-person promise or "please" outranks a bare imperative, which outranks a plain question.
 * The bench prints each cue's precision so the order can be checked.
 */
import type { Token } from '../../analysis/language/text-document.js';

export type ActionKind = 'commitment' | 'request' | 'proposal' | 'need';

/** Whose act it is: the one who spoke, the one spoken to, a person named, the group ("we"), or unknown. */
export type OwnerRole = 'speaker' | 'addressee' | 'named' | 'group' | 'unknown';

export interface SpeechAct {
  readonly kind: ActionKind;
  /** Short name of the rule that fired, e.g. `first-person future`, `can you`, `imperative`. */
  readonly cue: string;
  readonly ownerRole: OwnerRole;
  /** The owner's name when the sentence names one ("John will …", "Sara, can you …"). */
  readonly ownerName: string | null;
  readonly confidence: number;
}

/** Below this a cue is reported by `classifySentence` but not kept as an action item. */
export const MIN_CONFIDENCE = 0.5;

interface Rule {
  readonly kind: ActionKind;
  readonly cue: string;
  readonly re: RegExp;
  readonly ownerRole: OwnerRole;
  readonly confidence: number;
}

const SUBJ_FIRST = String.raw`(?:i|we)`;
const FUTURE = String.raw`(?:'ll|\s+will|\s+shall|'m going to|\s+am going to|'re going to|\s+are going to|'m gonna|\s+am gonna|'re gonna|\s+are gonna|\s+plan to|\s+intend to|'m planning to|\s+am planning to|\s+promise to|'ll be sure to|\s+will make sure to)`;
/** Words that may sit between the subject-future and the verb: "I'll just send", "we will also". */
const ADVERBS = String.raw`(?:\s+(?:just|also|then|definitely|certainly|probably|try to|be sure to|quickly|now|still|first|go ahead and|get|have to|need to))*`;

/**
 * Rules in order of strength. Regular expressions run on the lower-cased sentence with curly
 * apostrophes straightened and "u" read as "you" (SMS spelling is common in the e-mail sentences).
 */
const RULES: readonly Rule[] = [
  // ---- Directives: requests for action --------------------------------------------------------
  {
    kind: 'request',
    cue: 'can you',
    re: /\b(?:can|could|would|will|won't|wouldn't|couldn't)\s+you\b(?!\s+(?:believe|imagine|guess))/,
    ownerRole: 'addressee',
    confidence: 0.85,
  },
  {
    kind: 'request',
    cue: 'if you could',
    re: /\bif you (?:could|can|would|don't mind|wouldn't mind)\b/,
    ownerRole: 'addressee',
    confidence: 0.8,
  },
  {
    kind: 'request',
    cue: 'let me know',
    re: /\b(?:let (?:me|us|him|her|them) know|get back to (?:me|us)|keep (?:me|us) (?:posted|informed|updated|in the loop)|advise)\b/,
    ownerRole: 'addressee',
    confidence: 0.85,
  },
  {
    kind: 'request',
    cue: 'please',
    re: /\b(?:please|pls|plz|kindly)\b(?!\s+(?:be advised|note|see below|disregard))/,
    ownerRole: 'addressee',
    confidence: 0.8,
  },
  {
    kind: 'request',
    cue: 'want you to',
    re: /\b(?:i|we)(?:'d| would)? (?:like|love|want|need|ask|expect|request)(?:s|ed)? (?:you|for you|that you|if you|it if you)\b/,
    ownerRole: 'addressee',
    confidence: 0.8,
  },
  {
    kind: 'request',
    cue: 'i would like',
    re: /\b(?:i|we)(?: just| really| also)? (?:want|wanted|would like|'d like|'d love|would love|am hoping|'m hoping|was hoping) (?:to (?:discuss|talk|meet|follow|chat|ask|check|confirm|hear|get together|set up|schedule|touch base|catch up)|more|some|a few|your)\b/,
    ownerRole: 'addressee',
    confidence: 0.65,
  },
  {
    kind: 'request',
    cue: 'would appreciate',
    re: /\b(?:appreciate|grateful|be great|be ideal|be helpful|be nice) (?:it )?if\b/,
    ownerRole: 'addressee',
    confidence: 0.75,
  },
  {
    kind: 'request',
    cue: 'you need to',
    re: /\byou(?:'ll| will)? (?:need|have|must|got|ought) to\b|\byou must\b|\byou(?:'d| had) better\b|\bmake sure (?:you|to|that)\b/,
    ownerRole: 'addressee',
    confidence: 0.7,
  },
  // ---- Commissives: the speaker commits ------------------------------------------------------
  {
    kind: 'commitment',
    cue: 'first-person future',
    re: new RegExp(
      String.raw`\b${SUBJ_FIRST}${FUTURE}${ADVERBS}\s+(?!be\s+(?:out|away|off|on vacation|on holiday|unavailable|gone)\b)[a-z]`,
    ),
    ownerRole: 'speaker',
    confidence: 0.8,
  },
  {
    kind: 'commitment',
    cue: 'let me',
    re: /\blet me (?!know\b)(?:just |quickly |first )?[a-z]/,
    ownerRole: 'speaker',
    confidence: 0.75,
  },
  {
    kind: 'commitment',
    cue: 'i can',
    re: /\bi (?:can|could)(?: (?:also|easily|certainly|definitely))? (?!not\b|n't\b|only\b|see\b|tell\b|imagine\b|understand\b|hear\b|remember\b|think\b|say\b)[a-z]/,
    ownerRole: 'speaker',
    confidence: 0.6,
  },
  {
    kind: 'commitment',
    cue: 'offer',
    re: /\b(?:i'd|i would|we'd|we would|i am|i'm|we are|we're) (?:be )?(?:happy|glad|willing|more than happy) to\b|\bi(?:'d| would) like to\b/,
    ownerRole: 'speaker',
    confidence: 0.65,
  },
  // ---- Proposals ------------------------------------------------------------------------------
  {
    kind: 'proposal',
    cue: "let's",
    re: /\blet's\b|\blet us (?!know\b)[a-z]|(?:^|[,;:-]\s*)lets\b/,
    ownerRole: 'group',
    confidence: 0.8,
  },
  {
    kind: 'proposal',
    cue: 'shall we',
    re: /\b(?:shall|should) we\b|\bhow about\b|\bwhat about (?:we|if)\b|\bwhy don't (?:we|you|i)\b|\bwhy not\b/,
    ownerRole: 'group',
    confidence: 0.75,
  },
  {
    kind: 'proposal',
    cue: 'suggest',
    re: /\bi (?:would |'d )?(?:suggest|propose|recommend|advise)\b/,
    ownerRole: 'group',
    confidence: 0.75,
  },
  {
    kind: 'proposal',
    cue: 'we should',
    re: /\b(?:we|you) (?:should|could|might want to|may want to|ought to)\b(?! (?:have|see|hear|tell|imagine|say|not|be)\b)/,
    ownerRole: 'group',
    confidence: 0.65,
  },
  {
    // "We can discuss it Tuesday", "Maybe we can have lunch": a joint course of action put forward.
    kind: 'proposal',
    cue: 'we can',
    re: /\bwe (?:can|could)(?: (?:also|probably|maybe|perhaps|just|then|always))? (?!not\b|n't\b|only\b|see\b|imagine\b|say\b|tell\b|hear\b|understand\b|afford\b|be\b|get\b|use\b)[a-z]/,
    ownerRole: 'group',
    confidence: 0.55,
  },
  {
    kind: 'proposal',
    cue: 'it would be good',
    re: /\b(?:it )?(?:would|might|may|will) be (?:a )?(?:good|great|nice|ideal|worthwhile|helpful|useful|best|wise|appropriate|better)\b(?! (?:that|news)\b)/,
    ownerRole: 'group',
    confidence: 0.6,
  },
  // ---- Needs -----------------------------------------------------------------------------------
  {
    kind: 'need',
    cue: 'we need to',
    re: /\b(?:we|i)(?:'ll| will| would|'d| still| really| also| just| definitely)? (?:need|have|must|got|'ve got|have got)(?: to|s to)\b|\b(?:we|i) must\b/,
    ownerRole: 'group',
    confidence: 0.7,
  },
  {
    kind: 'need',
    cue: 'we need',
    re: /\b(?:we|i)(?:'ll| will| would|'d| still| really| also)? need\b(?! not\b)/,
    ownerRole: 'group',
    confidence: 0.6,
  },
  {
    kind: 'need',
    cue: 'needs to be done',
    re: /\b(?:needs?|has|have) to be\b|\b(?:is|are) (?:needed|required)\b/,
    ownerRole: 'unknown',
    confidence: 0.6,
  },
];

/** Sentence openers skipped before looking for an imperative verb or a vocative. */
const OPENERS = new Set([
  'so',
  'and',
  'also',
  'then',
  'just',
  'ok',
  'okay',
  'now',
  'oh',
  'well',
  'hey',
  'hi',
  'but',
  'again',
  'first',
  'firstly',
  'finally',
  'meanwhile',
  'alright',
  'right',
  'yes',
  'yeah',
  'no',
  'um',
  'uh',
  'um,',
  'anyway',
  'please',
  'kindly',
  'pls',
  'plz',
  'again',
  'second',
  'additionally',
  'otherwise',
  'maybe',
  'perhaps',
  'quickly',
  'ooh',
  'oh,',
  'ah',
  'ahh',
  'hmm',
  'mm',
  'mm-hmm',
  'er',
  'erm',
  'uh-huh',
]);

/** Verbs whose base form opens a request in business talk; the tagger's POS is noisy on short imperatives. */
const DIRECTIVE_VERBS = new Set([
  'send',
  'forward',
  'call',
  'email',
  'e-mail',
  'mail',
  'fax',
  'give',
  'let',
  'tell',
  'ask',
  'check',
  'review',
  'look',
  'find',
  'make',
  'get',
  'take',
  'keep',
  'remember',
  'note',
  'schedule',
  'update',
  'fill',
  'sign',
  'confirm',
  'contact',
  'read',
  'bring',
  'add',
  'include',
  'attach',
  'reply',
  'respond',
  'print',
  'fix',
  'prepare',
  'set',
  'put',
  'move',
  'return',
  'remind',
  'arrange',
  'coordinate',
  'approve',
  'submit',
  'complete',
  'finish',
  'write',
  'draft',
  'pick',
  'meet',
  'come',
  'stop',
  'try',
  'text',
  'ring',
  'phone',
  'provide',
  'follow',
  'feel',
  "don't",
  'ping',
  'share',
  'verify',
  'double-check',
  'book',
  'reserve',
  'cancel',
  'change',
  'delete',
  'remove',
  'pay',
  'drop',
  'hold',
  'wait',
  'consider',
  'plan',
  'talk',
  'discuss',
  'run',
  'install',
  'test',
  'ensure',
  'investigate',
]);

/**
 * Words that open mass-mail calls to action ("Click here", "Join now", "Shop the sale"): a
 * directive to anyone, not a task put on the person addressed. Cohen et al. (2004) and the
 * Parakweet labels both treat them as carrying no request.
 */
const BROADCAST_VERBS = new Set([
  'click',
  'tap',
  'visit',
  'download',
  'unsubscribe',
  'subscribe',
  'shop',
  'buy',
  'order',
  'browse',
  'join',
  'register',
  'enter',
  'save',
  'earn',
  'win',
  'claim',
  'discover',
  'explore',
  'enjoy',
  'act',
  'start',
  'view',
  'watch',
  'learn',
  'search',
  'upgrade',
  'redeem',
  'hurry',
  'grab',
  'choose',
  'apply',
  'copy',
  'sign-up',
  'signup',
  'like',
  'follow',
]);

/** Imperatives that are courtesies, not tasks. */
const COURTESY =
  /^(?:thank|thanks|welcome|congratulations|congrats|enjoy|have a (?:good|great|nice)|see you|good luck|take care|cheers|sorry|excuse)/;

const NEGATED_BEFORE = /(?:n't|\bnot|\bno one|\bnobody|\bnever)\s+(?:\w+\s+){0,2}$/;

const SUPPOSED_BEFORE =
  /\b(?:if|whether|unless|when|once|so that|as long as|hoping that|hope that|hope)\s+(?:\w+\s+){0,1}$/;

const INTERROGATIVE_START =
  /^(?:(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may|might|must|am|won't|wouldn't|don't|doesn't|didn't|isn't|aren't|haven't)\s+(?:you|we|i|they|he|she|it|there|this|that|u|y'all|anyone|anybody|someone|everyone)|(?:what|when|where|who|whom|whose|which|why|how)(?:'s|'re|'d|'ll)?\s+(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may|might|must|am|else|about|time|day|kind|sort|happens|happened|exactly|many|much|long|often|soon|far|come|went|goes)\b)/;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bu\b/g, 'you')
    .replace(/\bur\b/g, 'your')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name opening the sentence as its subject ("John will …") or as a vocative ("Sara, can you …"). */
function leadingName(tokens: readonly Token[]): { name: string; vocative: boolean; next: number } | null {
  let i = 0;
  while (i < tokens.length && OPENERS.has(tokens[i]?.lower ?? '')) i++;
  const start = i;
  while (i < tokens.length && tokens[i]?.pos === 'PROPN' && /^[A-Z][a-z]/.test(tokens[i]?.text ?? '')) i++;
  if (i === start) return null;
  const name = tokens
    .slice(start, i)
    .map((t) => t.text)
    .join(' ');
  const next = tokens[i];
  if (next === undefined) return null;
  return { name, vocative: next.text === ',', next: i };
}

const NAMED_SUBJECT_FUTURE =
  /^(?:'ll|will|shall|is going to|is gonna|has agreed to|agreed to|promised to|offered to|needs to|has to|should|must)\b/;

function firstWordIndex(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && (OPENERS.has(tokens[i]?.lower ?? '') || tokens[i]?.type === 'punctuation')) i++;
  return i;
}

function isImperative(tokens: readonly Token[], text: string): boolean {
  let i = firstWordIndex(tokens);
  const name = leadingName(tokens);
  if (name?.vocative) i = firstWordIndex(tokens.slice(name.next + 1)) + name.next + 1;
  const first = tokens[i];
  if (!first || first.type !== 'word' || !/^[a-z]/i.test(first.text)) return false;
  // "'Cause that's …": a clipped "because", not the verb.
  if (/^['’]$/.test(tokens[i - 1]?.text ?? '') || /^(?:cause|cos|coz|cuz)$/i.test(first.text)) return false;
  const word = first.lower;
  if (BROADCAST_VERBS.has(word)) return false;
  if (COURTESY.test(normalise(text.slice(first.start - (tokens[0]?.start ?? 0))))) return false;
  const next = tokens[i + 1];
  // "Send me", "Call John": a verb in its base form with something after it.
  if (next === undefined || next.type === 'punctuation') return false;
  if (
    next.lower === 'you' ||
    next.pos === 'AUX' ||
    (next.pos === 'VERB' && word !== 'let' && word !== 'help')
  ) {
    if (!['make', 'let', 'have', 'help', 'go'].includes(word)) return false;
  }
  if (DIRECTIVE_VERBS.has(word)) return true;
  // Beyond the lexicon, trust the tagger only on a full clause: "Project documents, yeah" is not one.
  const after = tokens.slice(i + 1).filter((t) => t.isWord).length;
  return (
    after >= 2 &&
    first.pos === 'VERB' &&
    first.lemma === word &&
    !/(?:ing|ed)$/.test(word) &&
    ['DET', 'PRON', 'ADP', 'NOUN', 'PROPN', 'PART', 'ADV', 'NUM', 'ADJ'].includes(next.pos)
  );
}

function isQuestion(sentence: string, wordCount: number): boolean {
  if (wordCount < 3) return false; // "Right?", "Okay?": checks, not questions put to someone.
  if (/\?\s*$/.test(sentence)) return true;
  return INTERROGATIVE_START.test(sentence.replace(/^(?:so|and|but|also|ok|okay|well|oh|um|uh),? /, ''));
}

/**
 * Every speech act a sentence carries that puts work on someone, strongest first (empty when none).
 * `tokens` are the sentence's tokens from the shared wink-nlp document.
 */
export function speechActs(sentence: string, tokens: readonly Token[]): SpeechAct[] {
  const text = normalise(sentence);
  const words = tokens.filter((t) => t.isWord).length;
  if (words === 0) return [];
  // A link in the sentence or an opening "If you don't want …, ignore …" marks mass mail and
  // conditional offers of help: directions to anyone who wants them, not tasks put on the hearer.
  // "Please" is an explicit directive marker (Searle's illocutionary force indicating device) and
  // keeps its force after a condition ("If you received this in error, please notify the sender").
  const link = /\$link|https?:\/\/|www\./.test(text);
  const broadcast =
    link ||
    /^(?:if|to|for|in order to|should) (?:you|ensure|make sure|receive|unsubscribe|stop|view|continue|keep|avoid)\b/.test(
      text,
    );
  const acts: SpeechAct[] = [];
  const name = leadingName(tokens);
  for (const rule of RULES) {
    const match = rule.re.exec(text);
    if (!match) continue;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    // "I don't think we need to …", "no one will …": the act is denied, not performed; "if we
    // need to …", "hoping that we can …": it is supposed, not performed.
    if (rule.kind !== 'request' && (NEGATED_BEFORE.test(before) || SUPPOSED_BEFORE.test(before))) continue;
    // "What other options would you have?": a question about the hearer, not a request to act.
    // "… you could you could have …" is a repeat in speech, not "could you".
    if (
      rule.cue === 'can you' &&
      (/\b(?:what|how|where|which|who|why|when)\b/.test(text.slice(0, match.index)) || /\byou $/.test(before))
    )
      continue;
    let ownerRole = rule.ownerRole;
    let ownerName: string | null = null;
    if (rule.kind === 'need' && /\bi\b/.test(text.match(rule.re)?.[0] ?? '')) ownerRole = 'speaker';
    if (rule.cue === 'we should' && /^you\b/.test(text.match(rule.re)?.[0] ?? '')) ownerRole = 'addressee';
    if (rule.cue === 'first-person future' && /^we\b/.test(text.match(rule.re)?.[0] ?? ''))
      ownerRole = 'group';
    if (ownerRole === 'addressee' && name?.vocative) {
      ownerRole = 'named';
      ownerName = name.name;
    }
    const weakened = rule.cue === 'please' ? link : broadcast;
    const confidence = weakened && rule.kind === 'request' ? rule.confidence - 0.4 : rule.confidence;
    acts.push({ kind: rule.kind, cue: rule.cue, ownerRole, ownerName, confidence });
  }
  // "John will send …", "Maria needs to check …": a named person takes or is given the task.
  if (name && !name.vocative) {
    const rest = normalise(
      tokens
        .slice(name.next)
        .map((t) => t.text)
        .join(' ')
        .replace(/ '/g, "'"),
    );
    if (NAMED_SUBJECT_FUTURE.test(rest)) {
      const need = /^(?:needs to|has to|should|must|is to)\b/.test(rest);
      acts.push({
        kind: need ? 'need' : 'commitment',
        cue: 'named person will',
        ownerRole: 'named',
        ownerName: name.name,
        confidence: 0.75,
      });
    }
  }
  if (isImperative(tokens, sentence)) {
    acts.push({
      kind: 'request',
      cue: 'imperative',
      ownerRole: name?.vocative ? 'named' : 'addressee',
      ownerName: name?.vocative ? name.name : null,
      confidence: broadcast ? 0.3 : 0.7,
    });
  }
  if (isQuestion(text, words)) {
    acts.push({
      kind: 'request',
      cue: 'question',
      ownerRole: name?.vocative ? 'named' : 'addressee',
      ownerName: name?.vocative ? name.name : null,
      confidence: broadcast ? 0.2 : 0.55,
    });
  }
  return acts.sort((a, b) => b.confidence - a.confidence);
}
