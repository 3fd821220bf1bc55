/** The follow-up agent (issue 14): for now, the reply classifier (docs/agent-classifier.md). */
export {
  classifyReply,
  UNCERTAIN_BELOW,
  REPLY_INTENTS,
  type ReplyClassification,
  type ReplyIntent,
} from './reply-intent.js';
export { CLINC_TO_INTENT, intentOfClincLabel } from './reply-intents.js';
export { CTIA_OPT_OUT_KEYWORDS } from './reply-rules.js';
export { replyBody } from './reply-text.js';
