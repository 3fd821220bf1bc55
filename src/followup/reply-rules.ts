/**
 * Transparent rules for what a candidate's reply says in ways a general intent corpus never
 * shows: SMS opt-out keywords, picking a proposed slot by number or day, withdrawing, asking to
 * move an interview, and the cues of a candidate who feels ignored. Each match names its reason.
 */
import type { ReplyIntent } from './reply-intents.js';
import { words } from './reply-text.js';

export interface RuleMatch {
  readonly intent: ReplyIntent;
  readonly confidence: number;
  readonly reason: string;
}

/** CTIA Messaging Principles and Best Practices (2023), 5.1.2: the universal opt-out keywords. */
export const CTIA_OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const;

const OPT_OUT = [
  /\bunsubscribe\b/,
  /\bopt(ing)?[- ]?out\b/,
  /\bstop (texting|messaging|emailing|e-mailing|contacting|sending|writing to|calling)\b/,
  /\b(do not|don't|dont|never) (text|message|email|e-mail|contact|call) me\b/,
  /\bremove (me|my (number|email|e-mail|address)) from (your|the|this) (list|mailing list|emails?|texts?|contacts?)\b/,
  /\bno more (texts|messages|emails|e-mails)\b/,
];
const WITHDRAWAL = [
  /\bwithdraw(ing|n)?\b/,
  /\b(accepted|accepting|taken|took|signed|going with) (an?(nother)? |other |a different )?(offer|job|position|role)\b/,
  /\bno longer (interested|looking|available for (the|this) (role|position|job))\b/,
  /\bnot interested (anymore|any more|in (the|this) (role|position|job))\b/,
  /\b(remove|take) me (out of|from) (consideration|the process|the running)\b/,
  /\bcancel my (application|candidacy)\b/,
  /\bdecided (not to|to not) (proceed|continue|move forward|pursue|go ahead)\b/,
  /\bpull (out|my application)\b/,
];
const RESCHEDULE = [
  /\breschedul/,
  /\b(move|change|shift|push( back)?|postpone|delay|rearrange) (my|the|our|this|that) (interview|call|meeting|appointment|time|slot|date)\b/,
  /\b(another|a different|other|a new|a later|an earlier) (time|day|date|slot)\b/,
  /\b(can't|cannot|can not|won't be able to|will not be able to|unable to|not able to) (make|attend|do|come|join)\b/,
  /\b(doesn't|does not|won't|will not|don't|do not) work( for me)?\b/,
  /\bsomething (came|has come) up\b/,
  /\bnot (be )?available (on|at|then|that)\b/,
];
const DAY =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|tomorrow|today)\b/;
const TIME = /\b\d{1,2}([:.]\d\d)?\s*(am|pm|a\.m\.|p\.m\.)|\bat \d{1,2}([:.]\d\d)?\b|\b(noon|midday)\b/;
const ACCEPT =
  /\b(works?|work for me|is (fine|good|great|perfect|ok|okay)|suits( me)?|i'll take|i will take|let's (do|go with)|lets (do|go with)|sounds good|book (me|it)|i can do|i'm free|i am free|perfect|great|ok|okay|go with)\b/;
const ORDINAL =
  /\b(the )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) (one|option|slot|choice)\b/;
const NUMBERED = /\b(option|slot|choice|number|no\.?|#)\s*[1-9]\b/;
const BARE_NUMBER = /^(#|no\.?|number|option|slot|choice)?\s*[1-9]\s*(please|works|is fine)?\s*[.!)]*$/;
const STATUS = [
  /\b(any|an) (update|news|feedback|word)\b/,
  /\bstatus of my\b/,
  /\b(heard|hear) back\b/,
  /\bnext steps?\b.*\?/,
  /\bwhere (am i|do i stand|things stand)\b/,
  /\b(any|a) decision\b/,
  /\bwhen (will|can|should|do|might|would) i (hear|know|get)\b/,
  /\bstill (being )?(considered|under consideration|in the running)\b/,
  /\b(when|what time) is my (interview|call|meeting|appointment)\b/,
];
const CONFIRM_START =
  /^(yes|yep|yeah|yup|sure|ok|okay|confirmed?|absolutely|definitely|sounds good|perfect|great|will do|i'll be there|see you (then|there))\b/;
const CONFIRM_ANYWHERE =
  /\b(i confirm|confirmed|i'll be there|i will be there|see you then|count me in|works for me)\b/;
const NEGATION = /\b(no|not|can't|cannot|don't|won't|doesn't|never)\b/;
const THANKS_WORD = /\b(thanks?|thank you|thx|ty|cheers|appreciated?|grateful|obliged)\b/;
/**
 * Words that may carry thanks without saying "thanks" ("you've been a great help", "I am
 * thankful"): the trained model may call a reply `thanks` only when one is there. Widened from
 * CLINC150 train rows the narrower list wrongly vetoed.
 */
export const GRATITUDE_WORD =
  /\b(thank\w*|thx|ty|cheers|appreciat\w*|grateful|gratitude|obliged|gracias|merci|help(ed|ful)?|kind(ness)?|nice|best)\b/;
const THANKS_ONLY = new Set(
  'thanks thank you thx ty cheers so much very a lot again many appreciate appreciated it really i am grateful great ok okay got perfect sounds good lovely wonderful awesome kindly much'.split(
    ' ',
  ),
);
const PERSON = [
  /\b(speak|talk|chat) (to|with) (a|an|someone|somebody|the|my|your)\b/,
  /\b(call me|give me a call|phone me|ring me)\b/,
  /\b(real person|a human|human being)\b/,
  /\bi have (a|an|some|a few|few|several|another|one more) (questions?|query|queries|concern)\b/,
  /\bcan (someone|somebody|anyone) (help|explain|tell|contact)\b/,
];
const RECRUITING_TOPIC =
  /\b(salary|pay|compensation|benefits?|remote|hybrid|relocat\w*|visa|sponsor\w*|role|position|job|team|manager|offer|interview\w*|process|start date|notice period|feedback|accommodat\w*|accessib\w*|contract|hours|equity|bonus|vacation|location|office|dress|parking|prepare|recruiter|hiring)\b/;
const QUESTION_START =
  /^(what|when|where|who|whom|why|how|which|is|are|am|do|does|did|can|could|will|would|should|may|might|have|has)\b/;

/** True when a text asks something: a question mark, or a question word first. */
export function isQuestion(body: string): boolean {
  return body.includes('?') || QUESTION_START.test(body.toLowerCase());
}

function first(patterns: readonly RegExp[], text: string): RegExp | undefined {
  return patterns.find((p) => p.test(text));
}

const quoted = (pattern: RegExp, text: string) => `"${pattern.exec(text)?.[0] ?? ''}"`;

/**
 * The rule that decides a reply, if one does (most specific first: opt-out, withdrawal,
 * reschedule, slot choice, status, confirmation, thanks). `null` leaves it to the trained model.
 * @example matchRules('STOP') // { intent: 'opt_out', confidence: 0.99, reason: 'CTIA opt-out keyword "STOP"' }
 */
export function matchRules(body: string): RuleMatch | null {
  const keyword = body.toUpperCase().replace(/[^A-Z]/g, '');
  if ((CTIA_OPT_OUT_KEYWORDS as readonly string[]).includes(keyword))
    return { intent: 'opt_out', confidence: 0.99, reason: `CTIA opt-out keyword "${keyword}"` };
  const t = body.toLowerCase().replace(/[’‘]/g, "'");
  const optOut = first(OPT_OUT, t);
  if (optOut) return { intent: 'opt_out', confidence: 0.95, reason: `opt-out phrase ${quoted(optOut, t)}` };
  const withdrawal = first(WITHDRAWAL, t);
  if (withdrawal)
    return { intent: 'withdrawal', confidence: 0.9, reason: `withdrawal phrase ${quoted(withdrawal, t)}` };
  const reschedule = first(RESCHEDULE, t);
  if (reschedule)
    return {
      intent: 'reschedule_request',
      confidence: 0.85,
      reason: `reschedule phrase ${quoted(reschedule, t)}`,
    };
  const slot = slotChoice(t);
  if (slot) return { intent: 'slot_choice', confidence: 0.9, reason: slot };
  const status = first(STATUS, t);
  if (status)
    return { intent: 'status_question', confidence: 0.85, reason: `status phrase ${quoted(status, t)}` };
  const person = first(PERSON, t);
  if (person)
    return { intent: 'needs_person', confidence: 0.8, reason: `asks for a person ${quoted(person, t)}` };
  const w = words(t);
  if (!t.includes('?') && w.length <= 8 && !NEGATION.test(t)) {
    const confirm = CONFIRM_START.exec(t) ?? CONFIRM_ANYWHERE.exec(t);
    if (confirm) return { intent: 'confirmation', confidence: 0.85, reason: `confirmation "${confirm[0]}"` };
  }
  if (THANKS_WORD.test(t) && w.every((x) => THANKS_ONLY.has(x)))
    return { intent: 'thanks', confidence: 0.9, reason: 'only words of thanks' };
  return null;
}

/** Why a text picks one of the proposed slots, or undefined. */
function slotChoice(t: string): string | undefined {
  if (BARE_NUMBER.test(t.trim())) return `a slot number "${t.trim()}"`;
  if (NEGATION.test(t)) return undefined;
  const pick = ORDINAL.exec(t) ?? NUMBERED.exec(t);
  if (pick) return `a slot by its place "${pick[0]}"`;
  const day = DAY.exec(t);
  const time = TIME.exec(t);
  if (!day && !time) return undefined;
  const when = [day?.[0], time?.[0]].filter(Boolean).join(' ');
  if (ACCEPT.test(t) && words(t).length <= 14) return `a proposed time accepted "${when}"`;
  if (words(t).length <= 4) return `a time on its own "${when}"`;
  return undefined;
}

/**
 * A question or request the rules see needs a person: one about the job or the process that the
 * agent cannot answer from data ("Is the role remote?").
 */
export function recruitingQuestion(body: string): string | undefined {
  const t = body.toLowerCase();
  if (!isQuestion(t)) return undefined;
  const topic = RECRUITING_TOPIC.exec(t);
  return topic ? `a question about "${topic[0]}"` : undefined;
}

const FRUSTRATION_CUES = [
  /\b(second|third|fourth|fifth|2nd|3rd|4th|5th|\d+(st|nd|rd|th)?) time (i|i've|that i|i'm)\b/,
  /\b(nobody|no one|no-one|noone) (answers|answered|replies|replied|responds|responded|gets back|got back|is answering|has answered|has replied|has responded|bothered)\b/,
  /\bstill (no (answer|reply|response|word|news)|haven't heard|have not heard|waiting)\b/,
  /\b(ridiculous|unacceptable|unprofessional|disrespectful|appalling|outrageous|waste of (my )?time|ghost(ed|ing))\b/,
  /\b(fed up|sick of|tired of)\b/,
];

/** A phrase of a candidate who feels ignored or badly treated, or undefined. */
export function frustrationCue(body: string): string | undefined {
  const t = body.toLowerCase().replace(/[’‘]/g, "'");
  const cue = first(FRUSTRATION_CUES, t);
  return cue ? quoted(cue, t) : undefined;
}
