import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError, newId } from '../../../core/index.js';
import { checkInterviewMetadata, CONVERSATION_KINDS, type InterviewMetadata } from '../../../domain/index.js';
import type { ConversationKind, ImportSummary } from '../../../knowledge/import/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me, scoped } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';
import { taskJson } from '../interviews/present.js';
import { IdParams, Task } from '../interviews/schemas.js';
import { importsDir, KNOWLEDGE_IMPORT, type ImportPayload, type ImportRunner } from './import-runner.js';
import { FILES_FIELD, receiveImportUpload } from './import-upload.js';

/** Most files in one upload (a folder of a quarter's calls fits; more goes in several uploads). */
export const MAX_IMPORT_FILES = 1000;

const FileResult = z
  .object({
    file: z.string().describe('the path inside the upload: `calls/acme.vtt`'),
    status: z.enum(['imported', 'failed', 'skipped-duplicate']),
    interviewId: z
      .string()
      .nullable()
      .describe('the interview stored, or for a duplicate the one stored before'),
    segments: z.number().int(),
    error: z.string().nullable().describe('why it failed, naming the file'),
    code: z.string().nullable(),
    sha256: z.string().nullable(),
  })
  .meta({ id: 'ImportFileResult' });

const ImportSummaryBody = z
  .object({
    files: z.array(FileResult),
    imported: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
  })
  .meta({ id: 'ImportSummary' });

const ImportStatus = z
  .object({
    task: Task,
    /** Null until the task is done. */
    summary: ImportSummaryBody.nullable(),
  })
  .meta({ id: 'KnowledgeImport' });

const TEXT_FIELDS = ['account', 'segment', 'role', 'outcome', 'occurredAt'] as const;

/**
 * The kind and metadata of the form, checked before the import is queued.
 * @throws CandorError VALIDATION_FAILED naming the field.
 */
function importDefaults(fields: Readonly<Record<string, string>>): {
  kind: ConversationKind;
  metadata: InterviewMetadata;
} {
  const kind = (fields.kind ?? '').trim() as ConversationKind;
  if (!CONVERSATION_KINDS.includes(kind)) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `body.kind: expected one of ${CONVERSATION_KINDS.join(', ')}, got "${fields.kind ?? ''}"`,
      { in: 'body', field: 'kind' },
    );
  }
  const given = (name: string) => {
    const value = fields[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const metadata: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const value = given(field);
    if (value !== undefined) metadata[field] = value;
  }
  try {
    return { kind, metadata: checkInterviewMetadata(metadata) };
  } catch (error) {
    if (error instanceof CandorError) {
      throw new CandorError('VALIDATION_FAILED', `body.${error.message}`, { ...error.details, in: 'body' });
    }
    throw error;
  }
}

const summaryOf = (result: unknown): ImportSummary | null =>
  result !== null && typeof result === 'object' && Array.isArray((result as ImportSummary).files)
    ? (result as ImportSummary)
    : null;

/**
 * `POST /knowledge/imports` (admin, recruiter): many transcripts in one multipart upload, imported
 * in the background as one interview each; 202 with the task to follow. `GET /knowledge/imports/:id`:
 * the task and, once done, every file's result.
 * @example await api.register(importRoutes(deps, runner))
 */
export function importRoutes({ store, config }: RouteDeps, runner: ImportRunner): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/knowledge/imports',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary:
            'Import many transcripts (VTT, SRT, text, JSON, CSV of turns) as one interview each, in the background (202 with the task)',
          description:
            'multipart/form-data: fields `kind` (customer, exit, research, sales) and optional `account`, `segment`, ' +
            '`role`, `outcome`, `occurredAt` (YYYY-MM-DD or ISO time) for every file, and one part per file in field ' +
            `\`${FILES_FIELD}\` (the file name may hold a relative path, \`calls/acme.vtt\`; a \`*.meta.json\` sidecar ` +
            'beside a file overrides the metadata for it). A file over CANDOR_TRANSCRIPT_LIMIT_KB, in an unknown format, ' +
            'empty or malformed fails alone; the others are imported. All files together over CANDOR_UPLOAD_LIMIT_MB: 413 ' +
            `naming the file that crossed it. At most ${MAX_IMPORT_FILES} files.`,
          consumes: ['multipart/form-data'],
          response: { 202: ImportStatus, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const folder = newId('import');
        const dir = path.join(importsDir(config), folder);
        const received = await receiveImportUpload(request, dir, {
          fileBytes: config.inputLimits.transcriptBytes,
          totalBytes: config.uploadLimitBytes,
          files: MAX_IMPORT_FILES,
        });
        let payload: ImportPayload;
        try {
          const { kind, metadata } = importDefaults(received.fields);
          payload = {
            folder,
            kind,
            metadata,
            refused: received.refused,
            userId: user.id,
            fileCount: received.kept + received.refused.length,
          };
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
        const task = await store.queue.enqueue({
          workspaceId: user.workspaceId,
          kind: KNOWLEDGE_IMPORT,
          payload: payload as unknown as Record<string, unknown>,
          maxAttempts: 1,
        });
        runner.kick();
        return reply.code(202).send({ task: taskJson(task), summary: null });
      },
    );

    app.get(
      '/knowledge/imports/:id',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary: "A bulk import: its task (status, progress) and, once done, every file's result",
          params: IdParams,
          response: { 200: ImportStatus, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        // Any miss reads "import … not found": saying "task" would tell that the id is some other task.
        const task = await scoped(request, 'import', request.params.id, (id) =>
          store.queue.get(id).catch((error: unknown) => {
            throw isCandorError(error) && error.code === 'NOT_FOUND' ? hidden('import', id) : error;
          }),
        );
        if (task.kind !== KNOWLEDGE_IMPORT) throw hidden('import', task.id);
        return { task: taskJson(task), summary: task.status === 'done' ? summaryOf(task.result) : null };
      },
    );
    return Promise.resolve();
  };
}
