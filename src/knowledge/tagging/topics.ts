import { CandorError } from '../../core/index.js';
import type { TopicDefinition } from '../../domain/index.js';
import type { Token } from '../../analysis/language/text-document.js';
import { PhraseIndex, type PhraseSpec } from './phrase-index.js';
import { phraseWords, stem } from './stems.js';

/**
 * A starting taxonomy for customer, exit, user-research, sales and candidate conversations: a set
 * for a workspace to edit, written from the example ("pricing" ← price, cost, expensive,
 * budget) and the usual themes of those conversations. It was NOT fitted or validated on any data;
 * expect to rename, split and prune. Matching is by stem (see `topicIndex`), so list one form of a
 * word ("price" covers prices and pricing) and avoid words that mean other things in your
 * conversations (in AMI's product-design meetings "design" and "interface" are everywhere).
 */
export const DEFAULT_TOPICS: readonly { readonly name: string; readonly synonyms: readonly string[] }[] = [
  {
    name: 'pricing',
    synonyms: ['price', 'cost', 'expensive', 'cheap', 'budget', 'discount', 'invoice', 'subscription'],
  },
  {
    name: 'onboarding',
    synonyms: ['onboard', 'setup', 'set up', 'getting started', 'first week', 'ramp up', 'induction'],
  },
  {
    name: 'support',
    synonyms: ['customer service', 'help desk', 'helpdesk', 'support ticket', 'ticket', 'response time'],
  },
  { name: 'performance', synonyms: ['speed', 'slow', 'latency', 'lag', 'load time', 'loading time'] },
  {
    name: 'reliability',
    synonyms: ['reliable', 'downtime', 'outage', 'crash', 'bug', 'uptime', 'stability', 'broken'],
  },
  {
    name: 'integrations',
    synonyms: ['integration', 'integrate', 'API', 'plugin', 'connector', 'webhook', 'sync'],
  },
  {
    name: 'security',
    synonyms: ['privacy', 'GDPR', 'compliance', 'SSO', 'single sign-on', 'encryption', 'password', 'breach'],
  },
  { name: 'reporting', synonyms: ['report', 'dashboard', 'analytics', 'metrics', 'chart'] },
  {
    name: 'usability',
    synonyms: ['easy to use', 'user-friendly', 'intuitive', 'confusing', 'learning curve', 'clunky', 'UX'],
  },
  { name: 'feature requests', synonyms: ['feature request', 'roadmap', 'missing feature', 'wish list'] },
  { name: 'renewal', synonyms: ['renew', 'contract', 'cancel', 'cancellation', 'churn', 'switch to'] },
  {
    name: 'compensation',
    synonyms: ['salary', 'pay', 'bonus', 'equity', 'stock options', 'benefits', 'pay rise', 'raise', 'wage'],
  },
  {
    name: 'career growth',
    synonyms: ['promotion', 'career', 'progression', 'mentor', 'mentoring', 'learning opportunities'],
  },
  {
    name: 'management',
    synonyms: ['manager', 'boss', 'leadership', 'supervisor', 'team lead', 'micromanage'],
  },
  {
    name: 'workload',
    synonyms: [
      'overtime',
      'burnout',
      'stress',
      'long hours',
      'overworked',
      'work-life balance',
      'too much work',
    ],
  },
  {
    name: 'culture',
    synonyms: ['values', 'colleagues', 'morale', 'inclusion', 'diversity', 'toxic', 'team spirit'],
  },
  {
    name: 'remote work',
    synonyms: [
      'work remotely',
      'working remotely',
      'hybrid',
      'work from home',
      'working from home',
      'commute',
    ],
  },
  {
    name: 'hiring process',
    synonyms: [
      'interview process',
      'recruiter',
      'recruitment',
      'application process',
      'job offer',
      'offer letter',
    ],
  },
];

/** The stem key of a transcript word, as topic phrases are keyed. */
export const stemKey = (token: Token): string => stem(token.lower);

/**
 * Compiles topics into one phrase index: a topic matches where its name or any synonym occurs as
 * whole words, case-insensitively, inflections joined by stem ("prices", "pricing" → price;
 * "costly" → cost). Throws VALIDATION_FAILED naming the topic and synonym that has no words.
 * @example topicIndex([{ id: 't1', name: 'pricing', synonyms: ['cost'] }]).find(doc.tokens)
 */
export function topicIndex(topics: readonly TopicDefinition[]): PhraseIndex<TopicDefinition> {
  const specs: PhraseSpec<TopicDefinition>[] = [];
  topics.forEach((topic, index) => {
    const seen = new Set<string>();
    for (const [place, phrase] of [
      ['name', topic.name],
      ...topic.synonyms.map((s, i) => [`synonym ${i + 1}`, s] as const),
    ] as const) {
      const keys = stemKeys(phrase);
      if (keys.length === 0) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `topics[${index}] "${topic.name}": the ${place} ${JSON.stringify(phrase)} has no words`,
          { field: `topics[${index}]`, topic: topic.id },
        );
      }
      const key = keys.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      specs.push({ value: topic, keys });
    }
  });
  return new PhraseIndex(specs, stemKey);
}

/** Stems of a phrase's words: the key a topic phrase and a keyphrase are compared by. */
export function stemKeys(phrase: string): string[] {
  return typeof phrase === 'string' ? phraseWords(phrase).map((w) => stem(w)) : [];
}
