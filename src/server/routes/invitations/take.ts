/**
 * The candidate's interview page, by link (`/take/<token>`): no account; the token in the path is
 * the credential, checked against the stored hash on every request. A link that is unknown,
 * expired or revoked answers 410 LINK_INVALID with `details.reason`; a completed interview can be
 * read (its finish page) but no longer changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError, newId } from '../../../core/index.js';
import {
  DECODE_SAMPLE_RATE,
  decodeAudio,
  probeMedia,
  sniffFile,
  type MediaInfo,
} from '../../../ingest/media/index.js';
import { addBusinessDays } from '../../../invitations/business-days.js';
import { hashLinkToken, looksLikeLinkToken } from '../../../invitations/link-token.js';
import { buildNotice, NOTICE_VERSION } from '../../../invitations/notice.js';
import {
  DEFAULT_FRAMEWORK_ID,
  findFramework,
  interviewFolderPath,
  mediaStoragePath,
  moveIntoPlace,
  planInterview,
  removeFile,
  resolveMediaPath,
} from '../../../pipeline/index.js';
import { hashFile } from '../../../pipeline/recording.js';
import type { AttemptRecord, InvitationRecord, Store } from '../../../store/index.js';
import type { RouteDeps } from '../../deps.js';
import { analysisTask } from '../../worker/index.js';
import { queueConfirmation } from '../../../followup/flows.js';
import { invitationOfToken } from './micro-task-link.js';
import { errorResponses } from '../hiring/schemas.js';
import {
  AttemptParams,
  AttemptStarted,
  ChunkResult,
  ConsentBody,
  OffsetQuery,
  PositionParams,
  SelfIdentificationBody,
  TakeState,
  TextAnswerBody,
  TokenParams,
} from './schemas.js';

/** Largest chunk one PUT may carry; MediaRecorder sends a few hundred kB per 5 s. */
export const CHUNK_LIMIT_BYTES = 8 * 1024 * 1024;
/** Seconds a recording may run past the answer time (the browser stops it at the limit). */
export const ANSWER_GRACE_SECONDS = 5;
/** Who the self-identification and the answers are recorded as having come from. */
const CANDIDATE_ACTOR = 'candidate';

type Reason = 'unknown' | 'expired' | 'revoked' | 'completed';

function linkInvalid(reason: Reason, extra: Record<string, unknown> = {}): CandorError {
  const messages: Record<Reason, string> = {
    unknown:
      'This interview link is not valid. Check that the whole link was copied, or ask the recruiter who invited you for a new one.',
    expired: 'This interview link has expired. Ask the recruiter who invited you for a new link.',
    revoked:
      'This interview link was withdrawn by the hiring team. Ask the recruiter who invited you if you think this is a mistake.',
    completed: 'This interview is already completed; nothing more can be recorded with this link.',
  };
  return new CandorError('LINK_INVALID', messages[reason], { reason, ...extra });
}

function conflict(message: string, details: Record<string, unknown> = {}): CandorError {
  return new CandorError('CONFLICT', message, details);
}

/** The invitation of a token, if it may still be read. Writes also refuse completed ones. */
async function resolveLink(
  store: Store,
  token: string,
  use: 'read' | 'write' | 'after-completion',
  now: Date,
): Promise<InvitationRecord> {
  if (!looksLikeLinkToken(token)) throw linkInvalid('unknown');
  // A micro-task's link (src/followup/micro-task.ts) opens the same page as the invitation's.
  const invitation = await invitationOfToken(store, hashLinkToken(token));
  if (invitation === null) throw linkInvalid('unknown');
  if (invitation.status === 'revoked') throw linkInvalid('revoked');
  if (invitation.status === 'completed') {
    if (use === 'write') throw linkInvalid('completed');
    return invitation;
  }
  if (use === 'after-completion') throw conflict('finish the interview first');
  if (new Date(invitation.expiresAt).getTime() <= now.getTime()) {
    throw linkInvalid('expired', { expiresAt: invitation.expiresAt });
  }
  return invitation;
}

interface Progress {
  readonly attempts: AttemptRecord[];
  /** The kept attempt per position. */
  readonly kept: Map<number, AttemptRecord>;
  /** Takes used per position: kept, replaced or still open (failed ones are free). */
  readonly used: Map<number, number>;
  readonly open: AttemptRecord | null;
  /** First position with no kept answer, or null when all are answered. */
  readonly current: number | null;
  readonly retake: { position: number; attemptsLeft: number } | null;
}

function progressOf(invitation: InvitationRecord, attempts: AttemptRecord[]): Progress {
  const kept = new Map<number, AttemptRecord>();
  const used = new Map<number, number>();
  for (const a of attempts) {
    if (a.status === 'kept') kept.set(a.position, a);
    if (a.status !== 'failed') used.set(a.position, (used.get(a.position) ?? 0) + 1);
  }
  const open = attempts.find((a) => a.status === 'recording') ?? null;
  const count = invitation.questions.length;
  let current: number | null = null;
  for (let p = 0; p < count; p++) {
    if (!kept.has(p)) {
      current = p;
      break;
    }
  }
  const lastKept = current === null ? count - 1 : current - 1;
  const nextStarted = current !== null && attempts.some((a) => a.position === current);
  const left = lastKept >= 0 ? invitation.retakes + 1 - (used.get(lastKept) ?? 0) : 0;
  const retake =
    lastKept >= 0 && !nextStarted && left > 0 && invitation.status === 'started'
      ? { position: lastKept, attemptsLeft: left }
      : null;
  return { attempts, kept, used, open, current, retake };
}

/**
 * Seconds of audio in a file, decoded and counted: a recording cut off by a closed tab still
 * carries the length its header promised, and MediaRecorder's WebM carries none.
 */
export async function measureSeconds(file: string, info: MediaInfo): Promise<number> {
  let samples = 0;
  for await (const chunk of decodeAudio(file, { info })) samples += chunk.length;
  return samples / DECODE_SAMPLE_RATE;
}

/** The stored extension and content type of a sniffed recording. */
export function extensionOf(type: string, info: MediaInfo): { extension: string; contentType: string } {
  const video = info.hasVideo;
  switch (type) {
    case 'webm':
      return video
        ? { extension: 'webm', contentType: 'video/webm' }
        : { extension: 'weba', contentType: 'audio/webm' };
    case 'ogg':
      return video
        ? { extension: 'ogv', contentType: 'video/ogg' }
        : { extension: 'ogg', contentType: 'audio/ogg' };
    case 'mp4':
      return video
        ? { extension: 'mp4', contentType: 'video/mp4' }
        : { extension: 'm4a', contentType: 'audio/mp4' };
    case 'wav':
      return { extension: 'wav', contentType: 'audio/wav' };
    case 'flac':
      return { extension: 'flac', contentType: 'audio/flac' };
    case 'mp3':
      return { extension: 'mp3', contentType: 'audio/mpeg' };
    default:
      return { extension: 'mpg', contentType: 'video/mpeg' };
  }
}

/**
 * `GET /take/:token` and the candidate's steps: consent, recording attempts uploaded in chunks,
 * typed answers, completion, and the optional self-identification. Public: the link is the key.
 * @example await api.register(takeRoutes({ store, config }))
 */
export function takeRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const { mediaDir } = config;
  const now = () => new Date();

  async function stateOf(invitation: InvitationRecord): Promise<TakeState> {
    const [job, candidate, workspace, settings, attempts, contact] = await Promise.all([
      store.jobs.get(invitation.jobId),
      store.candidates.get(invitation.candidateId),
      store.workspaces.get(invitation.workspaceId),
      store.workspaces.settings(invitation.workspaceId),
      store.invitations.attempts(invitation.id),
      store.users.get(invitation.createdBy).catch(() => null),
    ]);
    // The notice names what is assessed; a framework that cannot be loaded leaves it general.
    const framework = await frameworkNames(invitation).catch(() => []);
    const progress = progressOf(invitation, attempts);
    const consented = invitation.status !== 'invited';
    const demographics =
      invitation.status === 'completed'
        ? await store.demographics.get(invitation.workspaceId, invitation.candidateId)
        : null;
    const current =
      consented && invitation.status === 'started' && progress.current !== null
        ? { position: progress.current, text: invitation.questions[progress.current]?.text ?? '' }
        : null;
    return {
      status: invitation.status === 'revoked' ? 'invited' : invitation.status,
      candidateName: candidate.name,
      jobTitle: job.title,
      organisation: workspace.name,
      notice: noticeFor({
        organisation: workspace.name,
        jobTitle: job.title,
        competencies: framework,
        contact:
          contact === null
            ? { name: 'the recruiter', email: 'the address in your invitation' }
            : { name: contact.name, email: contact.email },
        retentionDays: settings.retentionDays,
        textAnswers: invitation.textAnswers,
        answerSeconds: invitation.answerSeconds,
        questionCount: invitation.questions.length,
      }),
      consented,
      terms: {
        expiresAt: invitation.expiresAt,
        answerSeconds: invitation.answerSeconds,
        prepSeconds: invitation.prepSeconds,
        retakes: invitation.retakes,
        textAnswers: invitation.textAnswers,
      },
      questionCount: invitation.questions.length,
      answers: invitation.questions.map((_, position) => {
        const kept = progress.kept.get(position);
        return {
          position,
          status: kept === undefined ? ('pending' as const) : ('answered' as const),
          attemptsUsed: progress.used.get(position) ?? 0,
          kind: kept?.kind ?? null,
          durationSeconds: kept?.durationSeconds ?? null,
        };
      }),
      current,
      retake:
        progress.retake === null
          ? null
          : { ...progress.retake, text: invitation.questions[progress.retake.position]?.text ?? '' },
      openAttempt:
        progress.open === null || invitation.status !== 'started'
          ? null
          : { position: progress.open.position, attempt: progress.open.attempt, bytes: progress.open.bytes },
      finish:
        invitation.status === 'completed' && invitation.completedAt !== null
          ? {
              respondBy: addBusinessDays(new Date(invitation.completedAt), settings.responseTargetDays),
              responseTargetDays: settings.responseTargetDays,
              completedAt: invitation.completedAt,
            }
          : null,
      selfIdentified: demographics !== null,
    };
  }

  function noticeFor(facts: Parameters<typeof buildNotice>[0]): TakeState['notice'] {
    const notice = buildNotice(facts);
    return { version: notice.version, sections: notice.sections.map((s) => ({ ...s })) };
  }

  async function frameworkNames(invitation: InvitationRecord): Promise<string[]> {
    if (invitation.interviewId === null) {
      const job = await store.jobs.get(invitation.jobId);
      const framework = await findFramework(
        store,
        invitation.workspaceId,
        job.frameworkId ?? DEFAULT_FRAMEWORK_ID,
      );
      return framework.competencies.map((c) => c.name);
    }
    const plan = await planInterview(store, mediaDir, await store.interviews.get(invitation.interviewId));
    return plan.framework.competencies.map((c) => c.name);
  }

  /** Checks that a new take may start at `position`; returns its attempt number. */
  function nextAttempt(invitation: InvitationRecord, progress: Progress, position: number): number {
    if (invitation.status !== 'started')
      throw conflict('read the notice and agree before recording', { step: 'consent' });
    if (position >= invitation.questions.length) {
      throw new CandorError(
        'NOT_FOUND',
        `question ${position + 1} not found; this interview has ${invitation.questions.length}`,
        {
          entity: 'question',
          id: String(position),
        },
      );
    }
    const isCurrent = progress.current === position;
    const isRetake = progress.retake?.position === position;
    if (!isCurrent && !isRetake) {
      throw conflict(
        progress.current === null || position < progress.current
          ? `question ${position + 1} is answered and can no longer be retaken`
          : `answer question ${(progress.current ?? 0) + 1} first`,
        { position, current: progress.current },
      );
    }
    const used = progress.used.get(position) ?? 0;
    if (used >= invitation.retakes + 1) {
      throw conflict(`no takes left for question ${position + 1} (${invitation.retakes + 1} allowed)`, {
        position,
      });
    }
    const numbers = progress.attempts.filter((a) => a.position === position).map((a) => a.attempt);
    return Math.max(0, ...numbers) + 1;
  }

  /** An open take with nothing uploaded is dropped; one with audio must be finished first. */
  async function settleOpen(progress: Progress): Promise<Progress | null> {
    const open = progress.open;
    if (open === null) return null;
    if (open.bytes > 0) {
      throw conflict(
        `the recording of question ${open.position + 1} was interrupted; keep what was uploaded (finish it) before recording again`,
        { position: open.position, attempt: open.attempt, bytes: open.bytes },
      );
    }
    await store.invitations.finishAttempt(open.id, {
      status: 'failed',
      error: 'left before any audio arrived',
    });
    if (open.uploadPath !== null) await removeFile(resolveMediaPath(mediaDir, open.uploadPath));
    return null;
  }

  async function findAttempt(
    invitation: InvitationRecord,
    position: number,
    attempt: number,
  ): Promise<AttemptRecord> {
    const found = (await store.invitations.attempts(invitation.id)).find(
      (a) => a.position === position && a.attempt === attempt,
    );
    if (found === undefined) {
      throw new CandorError('NOT_FOUND', `take ${attempt} of question ${position + 1} not found`, {
        entity: 'attempt',
        id: `${position}.${attempt}`,
      });
    }
    return found;
  }

  async function interviewOf(invitation: InvitationRecord) {
    if (invitation.interviewId === null)
      throw conflict('read the notice and agree before recording', { step: 'consent' });
    return store.interviews.get(invitation.interviewId);
  }

  return (app) => {
    // Raw chunks of a recording; only these routes read octet-stream bodies.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: CHUNK_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const tags = ['candidate interview'];

    app.get(
      '/take/:token',
      {
        schema: {
          tags,
          summary:
            "The candidate's interview: notice, terms, progress and the current question (public, by link)",
          security: [],
          params: TokenParams,
          response: { 200: TakeState, ...errorResponses(400, 410) },
        },
      },
      async (request) => {
        const invitation = await resolveLink(store, request.params.token, 'read', now());
        await store.invitations.markOpened(invitation.id);
        return stateOf(invitation);
      },
    );

    app.post(
      '/take/:token/consent',
      {
        schema: {
          tags,
          summary: 'Agree to the notice (its version is recorded) and open the interview',
          security: [],
          params: TokenParams,
          body: ConsentBody,
          response: { 200: TakeState, ...errorResponses(400, 409, 410) },
        },
      },
      async (request) => {
        const invitation = await resolveLink(store, request.params.token, 'write', now());
        if (request.body.noticeVersion !== NOTICE_VERSION) {
          throw conflict('the notice changed since the page was opened; read it again and agree', {
            noticeVersion: NOTICE_VERSION,
          });
        }
        if (invitation.status !== 'invited') return stateOf(invitation);
        const job = await store.jobs.get(invitation.jobId);
        const interview = await store.interviews.create({
          workspaceId: invitation.workspaceId,
          applicationId: invitation.applicationId,
          kind: 'async',
          title: `${job.title}: interview by link`,
        });
        try {
          const consented = await store.invitations.consent(invitation.id, {
            noticeVersion: NOTICE_VERSION,
            interviewId: interview.id,
          });
          const application = await store.applications.get(invitation.applicationId);
          if (application.stage === 'invited' || application.stage === 'applied') {
            await store.applications.updateStage(application.id, 'in_progress');
          }
          return await stateOf(consented);
        } catch (error) {
          // A parallel consent won: its interview is the one.
          await store.interviews.delete(interview.id);
          if (isCandorError(error) && error.code === 'CONFLICT')
            return stateOf(await store.invitations.get(invitation.id));
          throw error;
        }
      },
    );

    app.post(
      '/take/:token/answers/:position/attempts',
      {
        schema: {
          tags,
          summary: 'Start recording an answer (a new take); then PUT its chunks and finish it',
          security: [],
          params: PositionParams,
          response: { 201: AttemptStarted, ...errorResponses(400, 404, 409, 410) },
        },
      },
      async (request, reply) => {
        const { token, position } = request.params;
        const invitation = await resolveLink(store, token, 'write', now());
        const interview = await interviewOf(invitation);
        let progress = progressOf(invitation, await store.invitations.attempts(invitation.id));
        if ((await settleOpen(progress)) === null && progress.open !== null) {
          progress = progressOf(invitation, await store.invitations.attempts(invitation.id));
        }
        const attempt = nextAttempt(invitation, progress, position);
        const uploadPath = path.join(interviewFolderPath(interview), `take-${position}-${attempt}.part`);
        const file = resolveMediaPath(mediaDir, uploadPath);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, new Uint8Array(0));
        const started = await store.invitations.startAttempt({
          invitationId: invitation.id,
          position,
          attempt,
          kind: 'recording',
          uploadPath,
        });
        return reply.code(201).send({ position, attempt: started.attempt, bytes: 0 });
      },
    );

    app.put(
      '/take/:token/answers/:position/attempts/:attempt',
      {
        schema: {
          tags,
          summary:
            'Upload the next chunk of a recording (application/octet-stream) at ?offset=<bytes received>',
          description:
            'The body is raw bytes of the recording, at most 8 MB per request. `offset` must equal the bytes received so far; otherwise 409 answers with `details.bytes`, from where to send again.',
          security: [],
          consumes: ['application/octet-stream'],
          params: AttemptParams,
          querystring: OffsetQuery,
          response: { 200: ChunkResult, ...errorResponses(400, 404, 409, 410, 413, 415) },
        },
      },
      async (request) => {
        const { token, position, attempt: number } = request.params;
        const invitation = await resolveLink(store, token, 'write', now());
        const attempt = await findAttempt(invitation, position, number);
        if (attempt.status !== 'recording' || attempt.uploadPath === null) {
          throw conflict(
            `take ${number} of question ${position + 1} is finished; start a new take to record again`,
            {
              status: attempt.status,
            },
          );
        }
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new CandorError('VALIDATION_FAILED', 'body: send the chunk as application/octet-stream', {
            in: 'body',
          });
        }
        const { offset } = request.query;
        if (offset !== attempt.bytes) {
          throw conflict(`this recording holds ${attempt.bytes} bytes; send from offset ${attempt.bytes}`, {
            bytes: attempt.bytes,
          });
        }
        if (offset + body.length > config.uploadLimitBytes) {
          throw new CandorError(
            'FILE_TOO_LARGE',
            `the recording would pass the upload limit of ${Math.round(config.uploadLimitBytes / 1048576)} MB`,
            {
              limitBytes: config.uploadLimitBytes,
            },
          );
        }
        const handle = await open(resolveMediaPath(mediaDir, attempt.uploadPath), 'r+');
        try {
          await handle.write(body, 0, body.length, offset);
        } finally {
          await handle.close();
        }
        if (!(await store.invitations.addBytes(attempt.id, offset, body.length))) {
          const fresh = await findAttempt(invitation, position, number);
          throw conflict(`this recording holds ${fresh.bytes} bytes; send from offset ${fresh.bytes}`, {
            bytes: fresh.bytes,
          });
        }
        return { bytes: offset + body.length };
      },
    );

    app.post(
      '/take/:token/answers/:position/attempts/:attempt/finish',
      {
        schema: {
          tags,
          summary: 'Close a recording: it is checked, kept as the answer, and any earlier take replaced',
          security: [],
          params: AttemptParams,
          response: { 200: TakeState, ...errorResponses(400, 404, 409, 410, 413, 422) },
        },
      },
      async (request) => {
        const { token, position, attempt: number } = request.params;
        const invitation = await resolveLink(store, token, 'write', now());
        const interview = await interviewOf(invitation);
        const attempt = await findAttempt(invitation, position, number);
        if (attempt.status !== 'recording' || attempt.uploadPath === null) {
          throw conflict(`take ${number} of question ${position + 1} is already finished`, {
            status: attempt.status,
          });
        }
        const temp = resolveMediaPath(mediaDir, attempt.uploadPath);
        const failed = async (error: CandorError): Promise<never> => {
          await store.invitations.finishAttempt(attempt.id, { status: 'failed', error: error.message });
          await removeFile(temp);
          throw error;
        };
        if (attempt.bytes === 0) {
          await failed(
            new CandorError('MEDIA_UNREADABLE', 'no audio arrived for this take; record it again', {
              position,
            }),
          );
        }
        // A chunk written but never counted (the request died between the two) is cut off.
        await truncate(temp, attempt.bytes);
        const type = await sniffFile(temp);
        if (type === null) {
          await failed(
            new CandorError(
              'MEDIA_UNREADABLE',
              'the upload is not an audio or video recording; record it again',
              { position },
            ),
          );
        }
        let info: MediaInfo;
        let seconds: number;
        try {
          info = await probeMedia(temp);
          if (!info.hasAudio) throw new CandorError('MEDIA_UNREADABLE', 'the recording has no sound track');
          seconds = await measureSeconds(temp, info);
        } catch (error) {
          if (isCandorError(error) && error.code === 'ASSET_MISSING') throw error;
          const reason = isCandorError(error) ? error.message.split(': ').slice(-1)[0] : 'cannot be read';
          return failed(
            new CandorError('MEDIA_UNREADABLE', `the recording cannot be read (${reason}); record it again`, {
              position,
            }),
          );
        }
        const limit = invitation.answerSeconds + ANSWER_GRACE_SECONDS;
        if (seconds > limit) {
          await failed(
            new CandorError(
              'FILE_TOO_LARGE',
              `the answer lasts ${Math.round(seconds)} s, over the ${invitation.answerSeconds} s allowed; record a shorter one`,
              { position, durationSeconds: seconds, answerSeconds: invitation.answerSeconds },
            ),
          );
        }
        const { extension, contentType } = extensionOf(type ?? 'webm', info);
        const mediaId = newId('media');
        const storagePath = mediaStoragePath(interview, mediaId, extension);
        const question = invitation.questions[position];
        const sha256 = await hashFile(temp);
        await moveIntoPlace(temp, resolveMediaPath(mediaDir, storagePath));
        const { replaced } = await store.media.put({
          id: mediaId,
          workspaceId: interview.workspaceId,
          interviewId: interview.id,
          position,
          questionId: question?.id ?? null,
          questionText: question?.text ?? null,
          fileName: `answer-${position + 1}-take-${number}.${extension}`,
          storagePath,
          contentType,
          bytes: attempt.bytes,
          sha256,
          durationSeconds: seconds,
        });
        await store.invitations.finishAttempt(attempt.id, {
          status: 'kept',
          durationSeconds: seconds,
          mediaId,
          bytes: attempt.bytes,
        });
        if (replaced !== null) await removeFile(resolveMediaPath(mediaDir, replaced.storagePath));
        return stateOf(await store.invitations.get(invitation.id));
      },
    );

    app.post(
      '/take/:token/answers/:position/text',
      {
        schema: {
          tags,
          summary: 'Type an answer instead of recording it (when the invitation allows it)',
          security: [],
          params: PositionParams,
          body: TextAnswerBody,
          response: { 200: TakeState, ...errorResponses(400, 403, 404, 409, 410, 413) },
        },
      },
      async (request) => {
        const { token, position } = request.params;
        const invitation = await resolveLink(store, token, 'write', now());
        if (!invitation.textAnswers) {
          throw new CandorError(
            'FORBIDDEN',
            'this interview asks for recorded answers; typed answers are not allowed',
            {
              textAnswers: false,
            },
          );
        }
        const limit = config.inputLimits.typedAnswerChars;
        if (request.body.text.length > limit) {
          throw new CandorError(
            'FILE_TOO_LARGE',
            `body.text: the answer has ${request.body.text.length} characters, over the limit of ${limit} (CANDOR_TYPED_ANSWER_LIMIT_CHARS)`,
            { in: 'body', field: 'text', limitChars: limit, setting: 'CANDOR_TYPED_ANSWER_LIMIT_CHARS' },
          );
        }
        const interview = await interviewOf(invitation);
        let progress = progressOf(invitation, await store.invitations.attempts(invitation.id));
        if (progress.open !== null) {
          await settleOpen(progress);
          progress = progressOf(invitation, await store.invitations.attempts(invitation.id));
        }
        const number = nextAttempt(invitation, progress, position);
        const attempt = await store.invitations.startAttempt({
          invitationId: invitation.id,
          position,
          attempt: number,
          kind: 'text',
          uploadPath: null,
        });
        const mediaId = newId('media');
        const storagePath = mediaStoragePath(interview, mediaId, 'txt');
        const text = request.body.text;
        const file = resolveMediaPath(mediaDir, storagePath);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text, 'utf8');
        const question = invitation.questions[position];
        const { replaced } = await store.media.put({
          id: mediaId,
          workspaceId: interview.workspaceId,
          interviewId: interview.id,
          position,
          questionId: question?.id ?? null,
          questionText: question?.text ?? null,
          fileName: `answer-${position + 1}-typed.txt`,
          storagePath,
          contentType: TEXT_ANSWER_TYPE,
          bytes: Buffer.byteLength(text, 'utf8'),
          sha256: createHash('sha256').update(text).digest('hex'),
          durationSeconds: null,
        });
        await store.invitations.finishAttempt(attempt.id, {
          status: 'kept',
          durationSeconds: null,
          mediaId,
          bytes: Buffer.byteLength(text, 'utf8'),
        });
        if (replaced !== null) await removeFile(resolveMediaPath(mediaDir, replaced.storagePath));
        return stateOf(await store.invitations.get(invitation.id));
      },
    );

    app.post(
      '/take/:token/complete',
      {
        schema: {
          tags,
          summary: 'Finish the interview: every question needs an answer; the analysis starts',
          security: [],
          params: TokenParams,
          response: { 200: TakeState, ...errorResponses(400, 409, 410) },
        },
      },
      async (request) => {
        const invitation = await resolveLink(store, request.params.token, 'write', now());
        const interview = await interviewOf(invitation);
        const progress = progressOf(invitation, await store.invitations.attempts(invitation.id));
        const missing = invitation.questions.map((_, p) => p).filter((p) => !progress.kept.has(p));
        if (missing.length > 0) {
          throw conflict(
            `answer every question first; not answered: ${missing.map((p) => p + 1).join(', ')}`,
            {
              missing,
            },
          );
        }
        if (progress.open !== null) await settleOpen(progress);
        if (await store.invitations.complete(invitation.id)) {
          await store.queue.enqueue(analysisTask(interview));
          // "Thanks, we got it" with the date they hear back by, through the follow-up agent.
          await queueConfirmation(store, await store.invitations.get(invitation.id));
        }
        return stateOf(await store.invitations.get(invitation.id));
      },
    );

    app.post(
      '/take/:token/self-identification',
      {
        schema: {
          tags,
          summary:
            'Optional, after the interview: self-identified sex, race/ethnicity and age band, kept apart from scoring',
          description:
            'Stored in the demographics table that only auditors read (never shown to recruiters, raters or hiring managers, never a scoring input). Every field may be `declined` (the default).',
          security: [],
          params: TokenParams,
          body: SelfIdentificationBody,
          response: { 204: z.null(), ...errorResponses(400, 409, 410) },
        },
      },
      async (request, reply) => {
        const invitation = await resolveLink(store, request.params.token, 'after-completion', now());
        await store.demographics.saveMany(
          invitation.workspaceId,
          [{ candidateId: invitation.candidateId, ...request.body }],
          CANDIDATE_ACTOR,
        );
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}

/** Content type of a typed answer stored beside the recordings. */
export const TEXT_ANSWER_TYPE = 'text/plain; charset=utf-8';
