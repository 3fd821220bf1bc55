/**
 * Runs bulk imports uploaded over HTTP, in the server process (importing is reading and parsing
 * text, light next to analysis, which keeps the worker; the tagger runs in its own thread). Each import is a task of the job queue,
 * kind `knowledge-import`, so its progress follows the way an analysis does (`GET /tasks/:id`,
 * `/tasks/:id/events`) and an import left by a server that stopped is taken up by the next one
 * with the same queue. The payload names the folder the files were received into.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { newId, toCandorError } from '../../../core/index.js';
import type { InterviewMetadata } from '../../../domain/index.js';
import {
  importTranscripts,
  type ConversationKind,
  type FileImportResult,
  type ImportSummary,
} from '../../../knowledge/import/index.js';
import { tagInThread } from '../../../knowledge/index.js';
import { tagStoredInterview, writeTranscriptText } from '../../../pipeline/index.js';
import { loadKnowledgeConfig } from '../../webhooks/index.js';
import type { Store, TaskRecord } from '../../../store/index.js';
import type { ServerConfig } from '../../config.js';
import { createTaskRunner, type TaskRunner } from './task-runner.js';

/** The task kind of a bulk import (never claimed by the analysis worker). */
export const KNOWLEDGE_IMPORT = 'knowledge-import';

/** What an import task carries. */
export interface ImportPayload {
  /** The folder name under `importsDir` holding the files. */
  readonly folder: string;
  readonly kind: ConversationKind;
  readonly metadata: InterviewMetadata;
  /** Files refused while they were received (too large). */
  readonly refused: readonly FileImportResult[];
  /** Who started it (the user id). */
  readonly userId: string;
  /** Files received, refused ones included. */
  readonly fileCount: number;
}

/** How long an import holds its task between two files before another server may take it over, in ms. */
const LEASE_MS = 10 * 60_000;

/** Where uploaded imports wait: `<dataDir>/imports`. */
export const importsDir = (config: Pick<ServerConfig, 'mediaDir'>) =>
  path.join(path.dirname(config.mediaDir), 'imports');

/** Code-unit order, as the importer lists files. */
const byFile = (a: FileImportResult, b: FileImportResult) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The importer's results with the folder's path taken out of names and messages. */
function relative(result: FileImportResult, folder: string): FileImportResult {
  const strip = (text: string) => text.split(`${folder}${path.sep}`).join('').split(folder).join('');
  return {
    ...result,
    file: strip(result.file).split(path.sep).join('/'),
    error: result.error === null ? null : strip(result.error),
    warning: result.warning === null || result.warning === undefined ? null : strip(result.warning),
  };
}

/** Takes up queued imports (`kick`) and tells when none is running (`idle`). */
export type ImportRunner = TaskRunner;

/**
 * @example const runner = createImportRunner(store, config, app.log); runner.kick()
 */
export function createImportRunner(store: Store, config: ServerConfig, log: FastifyBaseLogger): ImportRunner {
  const workerId = newId('importer');
  const knowledgeWebhookUrl = loadKnowledgeConfig(process.env).webhookUrl;

  const runOne = async (task: TaskRecord): Promise<void> => {
    const payload = task.payload as unknown as ImportPayload;
    const folder = path.join(importsDir(config), path.basename(payload.folder));
    try {
      const summary = await importTranscripts(store, {
        workspaceId: task.workspaceId,
        paths: [folder],
        kind: payload.kind,
        metadata: payload.metadata,
        maxBytes: config.inputLimits.transcriptBytes,
        keepSource: (interview, text) => writeTranscriptText(config.mediaDir, interview, text),
        // Tagged as imported (topics, questions, sentiment…), in the tagging thread: the server's
        // own thread only reads the files and writes the rows.
        tag: async (interview) =>
          (
            await tagStoredInterview(store, interview.id, {
              webhookUrl: knowledgeWebhookUrl,
              tagger: tagInThread,
            })
          )?.length ?? 0,
        onProgress: ({ done, total, result }) => {
          const shown = relative(result, folder).file;
          void store.queue
            .heartbeat(task.id, workerId, LEASE_MS, {
              stage: 'importing',
              fraction: done / Math.max(total, 1),
              message: `${done} of ${total} files: ${shown}`,
            })
            .catch(() => undefined);
        },
      });
      const files = [...summary.files.map((f) => relative(f, folder)), ...payload.refused].sort(byFile);
      const count = (status: FileImportResult['status']) => files.filter((f) => f.status === status).length;
      const result: ImportSummary = {
        files,
        imported: count('imported'),
        failed: count('failed'),
        skipped: count('skipped-duplicate'),
      };
      await store.queue.complete(task.id, workerId, result);
    } catch (error) {
      const e = toCandorError(error);
      log.error({ err: error, task: task.id }, 'knowledge import failed');
      await store.queue.fail(task.id, workerId, e.message, { retryDelayMs: 0, permanent: true });
    } finally {
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  };

  return createTaskRunner({ store, log, workerId, kind: KNOWLEDGE_IMPORT, leaseMs: LEASE_MS, run: runOne });
}
