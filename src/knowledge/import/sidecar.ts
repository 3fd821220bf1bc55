/**
 * Per-file metadata for a bulk import: a JSON sidecar beside the transcript, `call.vtt.meta.json`
 * or `call.meta.json` (the first found wins), e.g.
 * `{ "kind": "sales", "account": "Acme", "segment": "enterprise", "role": "VP Sales", "outcome": "won", "occurredAt": "2026-03-14", "title": "Discovery call" }`.
 * Every key is optional and overrides the import's defaults for that file only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CandorError } from '../../core/index.js';
import { CONVERSATION_KINDS, METADATA_MAX_CHARS, type InterviewMetadata } from '../../domain/index.js';
import { SIDECAR_SUFFIX } from './files.js';

export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

const text = z.string().max(METADATA_MAX_CHARS, { error: `at most ${METADATA_MAX_CHARS} characters` });

const SidecarSchema = z.strictObject(
  {
    kind: z
      .enum(CONVERSATION_KINDS, { error: `expected one of ${CONVERSATION_KINDS.join(', ')}` })
      .optional(),
    title: text.optional(),
    account: text.optional(),
    segment: text.optional(),
    role: text.optional(),
    outcome: text.optional(),
    occurredAt: z.string().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected a JSON object') },
);

export interface FileMetadata extends InterviewMetadata {
  readonly kind?: ConversationKind;
  readonly title?: string;
}

/** The sidecar files that may describe `file`, most specific first. */
export function sidecarsOf(file: string): string[] {
  const stem = path.join(path.dirname(file), path.basename(file, path.extname(file)));
  return [`${file}${SIDECAR_SUFFIX}`, `${stem}${SIDECAR_SUFFIX}`];
}

/**
 * The metadata of `file` from its sidecar, or `{}` when it has none.
 * @throws CandorError VALIDATION_FAILED naming the sidecar and the key that is wrong (an unknown
 *   key, a kind outside customer/exit/research/sales), or that it is not JSON.
 */
export async function readSidecar(file: string): Promise<{ metadata: FileMetadata; sidecar: string | null }> {
  for (const sidecar of sidecarsOf(file)) {
    let raw: string;
    try {
      raw = await readFile(sidecar, 'utf8');
    } catch {
      continue;
    }
    const name = path.basename(sidecar);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `${name} is not valid JSON (${(error as Error).message})`,
        { file: name },
        { cause: error },
      );
    }
    const parsed = SidecarSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = keys[0] ?? issue.path.join('.');
      const message =
        keys.length > 0
          ? `unknown key ${keys.map((k) => `"${k}"`).join(', ')}: expected kind, title, account, segment, role, outcome, occurredAt`
          : issue.message;
      throw new CandorError('VALIDATION_FAILED', `${name}: ${field === '' ? '' : `${field}: `}${message}`, {
        file: name,
        field,
      });
    }
    const metadata: FileMetadata = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined),
    );
    return { metadata, sidecar };
  }
  return { metadata: {}, sidecar: null };
}
