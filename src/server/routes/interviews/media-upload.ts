import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError, newId } from '../../../core/index.js';
import type { Question } from '../../../domain/index.js';
import { probeMedia, type MediaInfo, type MediaType } from '../../../ingest/media/index.js';
import {
  mediaStoragePath,
  moveIntoPlace,
  planInterview,
  removeFile,
  resolveMediaPath,
} from '../../../pipeline/index.js';
import type { InterviewRecord, MediaRecord, Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import { DEFAULT_RECORDING_LIMIT_MINUTES } from '../../config.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { loadInterview } from './access.js';
import { mediaListJson } from './present.js';
import { IdParams, Media } from './schemas.js';
import { FILE_FIELD, receiveMediaUpload, type ReceivedFile } from './upload-stream.js';

const UploadFields = z.object({
  questionId: z.string().min(1).max(200).optional(),
  position: z
    .string()
    .regex(/^\d{1,4}$/, { message: 'expected a whole number from 0' })
    .transform(Number)
    .optional(),
});

interface Placement {
  /** The position named by the client (its recording is replaced); null appends at the next. */
  readonly position: number | null;
  readonly question: Question | null;
}

/** File extension and MIME type for a sniffed container; video when it holds a picture track. */
function typeOf(type: MediaType, info: MediaInfo | null): { extension: string; contentType: string } {
  const video = info?.hasVideo === true;
  switch (type) {
    case 'wav':
      return { extension: 'wav', contentType: 'audio/wav' };
    case 'flac':
      return { extension: 'flac', contentType: 'audio/flac' };
    case 'mp3':
      return { extension: 'mp3', contentType: 'audio/mpeg' };
    case 'mp4':
      return video
        ? { extension: 'mp4', contentType: 'video/mp4' }
        : { extension: 'm4a', contentType: 'audio/mp4' };
    case 'ogg':
      return video
        ? { extension: 'ogv', contentType: 'video/ogg' }
        : { extension: 'ogg', contentType: 'audio/ogg' };
    case 'webm':
      return video
        ? { extension: 'webm', contentType: 'video/webm' }
        : { extension: 'weba', contentType: 'audio/webm' };
    case 'mpeg':
      return { extension: 'mpg', contentType: 'video/mpeg' };
  }
}

function invalid(field: string, message: string, extra: Record<string, unknown> = {}): CandorError {
  return new CandorError('VALIDATION_FAILED', `body.${field}: ${message}`, { in: 'body', field, ...extra });
}

/** Where the answer goes: the next position unless one is named (re-recording it), and its question. */
async function placement(
  store: Store,
  mediaDir: string,
  interview: InterviewRecord,
  fields: Readonly<Record<string, string>>,
): Promise<Placement> {
  const parsed = UploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(String(issue?.path[0] ?? ''), issue?.message ?? 'invalid');
  }
  const position = parsed.data.position ?? null;
  if (position !== null) {
    const next = await store.media.nextPosition(interview.id);
    if (position > next)
      throw invalid('position', `answers are numbered without gaps; the next is ${next}`, { next });
  }
  const plan = await planInterview(store, mediaDir, interview);
  const questionId = parsed.data.questionId;
  if (questionId === undefined) return { position, question: plan.practised };
  const question =
    plan.questions.find((q) => q.id === questionId) ??
    (plan.practised?.id === questionId ? plan.practised : undefined);
  if (question === undefined) {
    throw invalid('questionId', `no question "${questionId}" in question set ${plan.questionSetId}`, {
      questionIds: plan.questions.map((q) => q.id),
    });
  }
  return { position, question };
}

/** Duration and tracks by ffprobe; a file it cannot read is refused, a missing ffprobe leaves the length unknown. */
async function probe(file: ReceivedFile): Promise<MediaInfo | null> {
  try {
    const info = await probeMedia(file.temp);
    if (!info.hasAudio) {
      throw new CandorError('MEDIA_UNREADABLE', `${file.fileName}: has no audio track`, {
        file: file.fileName,
      });
    }
    return info;
  } catch (error) {
    if (isCandorError(error) && error.code === 'ASSET_MISSING') return null;
    if (isCandorError(error) && error.code === 'MEDIA_UNREADABLE') {
      // ffprobe names the temporary file; the uploader knows their own file name.
      const reason = error.message.split(': ').slice(1).join(': ') || 'cannot be read';
      throw new CandorError('MEDIA_UNREADABLE', `${file.fileName}: ${reason}`, { file: file.fileName });
    }
    throw error;
  }
}

/**
 * Refuses a recording longer than the limit (CANDOR_RECORDING_LIMIT_MINUTES). A length ffprobe
 * could not measure (no ffprobe) is let through: the analysis reads the real length.
 * @throws CandorError FILE_TOO_LARGE naming the file, its length and the limit
 */
function checkLength(file: ReceivedFile, info: MediaInfo | null, limitMinutes: number): void {
  const seconds = info?.durationSeconds ?? null;
  if (seconds === null || seconds <= limitMinutes * 60) return;
  const message = `${file.fileName}: the recording is ${clock(seconds)} long, over the ${limitMinutes}-minute limit (CANDOR_RECORDING_LIMIT_MINUTES)`;
  throw new CandorError('FILE_TOO_LARGE', message, {
    file: file.fileName,
    field: FILE_FIELD,
    durationSeconds: seconds,
    limitMinutes,
    setting: 'CANDOR_RECORDING_LIMIT_MINUTES',
  });
}

/** `1:02:03` or `4:05`, rounded down to the second. */
function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

const DESCRIPTION = [
  'multipart/form-data: optional fields `questionId` and `position`, then the file part `file`.',
  '',
  'Without `position` the recording is appended at the next free position; parallel uploads to one',
  'interview each get their own position and all are kept.',
  '',
  'With `position` the recording goes to that position: if a recording is there it is replaced',
  '(the new one is stored and the old one deleted in one transaction, so a failed upload keeps',
  'the old one). A position past the next free one is refused with 400 (`details.next`).',
  '',
  'A recording longer than `CANDOR_RECORDING_LIMIT_MINUTES` (default 60) is refused with 413',
  '`FILE_TOO_LARGE` (`details.durationSeconds`, `details.limitMinutes`), as is a file over',
  '`CANDOR_UPLOAD_LIMIT_MB`.',
].join('\n');

/**
 * `POST /interviews/:id/media` (admin, recruiter; a student on their own practice):
 * multipart/form-data with optional fields `questionId` and `position` before the file part `file`.
 * Without `position` the recording is appended; naming a position replaces the recording there.
 * @example await api.register(mediaUploadRoutes(deps))
 */
export function mediaUploadRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const { mediaDir } = config;
  const limitMinutes = config.recordingLimitMinutes ?? DEFAULT_RECORDING_LIMIT_MINUTES;
  return (app) => {
    app.post(
      '/interviews/:id/media',
      {
        onRequest: requireRole('admin', 'recruiter', 'candidate'),
        schema: {
          tags: ['interviews'],
          summary: 'Upload one recorded answer (multipart/form-data: questionId?, position?, then file)',
          description: DESCRIPTION,
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: {
            201: Media,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            413: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const interview = await loadInterview(request, store, request.params.id, 'write');
        const { prepared, file } = await receiveMediaUpload(request, config.uploadLimitBytes, {
          mediaDir,
          prepare: (fields) => placement(store, mediaDir, interview, fields),
        });
        let target: string | undefined;
        let added: MediaRecord;
        let replaced: MediaRecord | null = null;
        try {
          const info = await probe(file);
          checkLength(file, info, limitMinutes);
          const { extension, contentType } = typeOf(file.type, info);
          const id = newId('media');
          const storagePath = mediaStoragePath(interview, id, extension);
          target = resolveMediaPath(mediaDir, storagePath);
          await moveIntoPlace(file.temp, target);
          const input = {
            id,
            workspaceId: interview.workspaceId,
            interviewId: interview.id,
            questionId: prepared.question?.id ?? null,
            questionText: prepared.question?.text ?? null,
            fileName: file.fileName,
            storagePath,
            contentType,
            bytes: file.bytes,
            sha256: file.sha256,
            durationSeconds: info?.durationSeconds ?? null,
          };
          if (prepared.position === null) {
            added = await store.media.append(input);
          } else {
            ({ media: added, replaced } = await store.media.put({ ...input, position: prepared.position }));
          }
        } catch (error) {
          await file.discard();
          if (target !== undefined) await removeFile(target);
          throw error;
        }
        if (replaced !== null) await removeFile(resolveMediaPath(mediaDir, replaced.storagePath));
        const all = await store.media.listByInterview(interview.id);
        const shown = mediaListJson(interview, all).find((m) => m.id === added.id);
        if (shown === undefined)
          throw new CandorError('CONFLICT', `media ${added.id} was replaced while it was stored`);
        return reply.code(201).send(shown);
      },
    );
    return Promise.resolve();
  };
}
