/** Where the knowledge base's new tags are posted, read from the environment (README, "Knowledge base"). */
import { z } from 'zod';
import { CandorError } from '../../core/index.js';

export interface KnowledgeConfig {
  /**
   * CANDOR_KNOWLEDGE_WEBHOOK_URL: where each interview's new tags are posted (`knowledge.tags`),
   * signed and retried like the fairness webhook (CANDOR_WEBHOOK_SECRET and friends); null posts nothing.
   */
  readonly webhookUrl: string | null;
}

const KnowledgeEnv = z.object({
  CANDOR_KNOWLEDGE_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .optional(),
});

/**
 * @throws CandorError CONFIG_INVALID naming the setting and what it expects.
 * @example const { webhookUrl } = loadKnowledgeConfig(process.env)
 */
export function loadKnowledgeConfig(env: NodeJS.ProcessEnv): KnowledgeConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = KnowledgeEnv.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new CandorError('CONFIG_INVALID', `${setting}: ${issue?.message ?? 'invalid'}`, { setting });
  }
  return { webhookUrl: parsed.data.CANDOR_KNOWLEDGE_WEBHOOK_URL ?? null };
}
