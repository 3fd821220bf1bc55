/**
 * The follow-up agent's reply classifier (issue 14): what a candidate's e-mail or SMS reply asks
 * for, how sure the classifier is, and whether the candidate sounds frustrated. Rules
 * (reply-rules.ts) decide what they recognise; a linear model trained on CLINC150 decides the
 * rest; a logistic model trained on GoEmotions gives the frustration. Deterministic and offline.
 * docs/agent-classifier.md has the mapping, the training and the measured figures.
 */
import { frustrationProbability, intentProbabilities, replyModel } from './reply-model.js';
import { REPLY_INTENTS, type ReplyIntent } from './reply-intents.js';
import { frustrationCue, matchRules, recruitingQuestion, GRATITUDE_WORD } from './reply-rules.js';
import { replyBody } from './reply-text.js';

export { REPLY_INTENTS, type ReplyIntent } from './reply-intents.js';

export interface ReplyClassification {
  readonly intent: ReplyIntent;
  /** 0–1: the rule's fixed confidence, or the model's probability of the intent. */
  readonly confidence: number;
  /** True when the frustration probability reaches the model's threshold, or a cue phrase is there. */
  readonly frustrated: boolean;
  /** The frustration model's probability, 0–1. */
  readonly frustration: number;
  /** Why: the rule or the model, and any frustration cue. */
  readonly reasons: string[];
}

/** Below this model probability an intent is uncertain and the agent hands the reply to a person. */
export const UNCERTAIN_BELOW = 0.5;

/**
 * Classifies one reply. Throws nothing for any string; an empty one is `other` with confidence 0.
 * @example classifyReply('2').intent // 'slot_choice'
 * @example classifyReply('STOP').intent // 'opt_out'
 */
export function classifyReply(text: string): ReplyClassification {
  const body = replyBody(text);
  if (body === '')
    return { intent: 'other', confidence: 0, frustrated: false, frustration: 0, reasons: ['empty reply'] };
  const model = replyModel();
  const reasons: string[] = [];
  let intent: ReplyIntent;
  let confidence: number;
  const rule = matchRules(body);
  if (rule) {
    ({ intent, confidence } = rule);
    reasons.push(`rule: ${rule.reason}`);
  } else {
    const p = intentProbabilities(body, model);
    // Thanks without a word of gratitude is the model reading "i am" or "so" as thanks
    // (CLINC's "i am very grateful"): take the next most likely intent instead.
    if (!GRATITUDE_WORD.test(body.toLowerCase())) p[model.intent.classes.indexOf('thanks')] = -1;
    const best = p.indexOf(Math.max(...p));
    intent = asIntent(model.intent.classes[best]);
    confidence = p[best]!;
    reasons.push(`model: ${intent} p=${confidence.toFixed(2)}`);
    const topic = intent === 'other' || confidence < UNCERTAIN_BELOW ? recruitingQuestion(body) : undefined;
    if (topic) {
      intent = 'needs_person';
      reasons.push(`rule: ${topic}`);
    }
  }
  const frustration = frustrationProbability(body, model);
  const cue = frustrationCue(body);
  // A bare opt-out keyword is a command, not prose: the model's reading of "STOP" says nothing.
  const keywordOnly = rule?.reason.startsWith('CTIA') ?? false;
  const byModel = !keywordOnly && frustration >= model.frustration.threshold;
  if (byModel)
    reasons.push(`frustration: model p=${frustration.toFixed(2)} ≥ ${model.frustration.threshold}`);
  if (cue) reasons.push(`frustration: cue ${cue}`);
  return {
    intent,
    confidence: round(confidence),
    frustrated: byModel || cue !== undefined,
    frustration: round(frustration),
    reasons,
  };
}

function asIntent(name: string | undefined): ReplyIntent {
  return (REPLY_INTENTS as readonly string[]).includes(name ?? '') ? (name as ReplyIntent) : 'other';
}

const round = (x: number) => Math.round(x * 1000) / 1000;
