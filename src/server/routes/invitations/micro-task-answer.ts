/**
 * A candidate's answer to a micro-task, typed or recorded, by the link in the micro-task message
 * (or the interview's own link): appended to the SAME interview as one more answer (at the
 * position after the invitation's questions), after which the interview is analysed again and a
 * new scorecard stored beside the old one.
 *
 * Typed answers are always accepted for a micro-task, even when the invitation asked for recorded
 * answers: it is one optional question that arrives by e-mail or text days later, often read on a
 * phone away from a quiet room, and the issue asks for "typed or recorded". A typed answer gives
 * text signals only (no voice), as typed interview answers do.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CandorError, isCandorError, newId } from '../../../core/index.js';
import { probeMedia, sniffFile, type MediaInfo } from '../../../ingest/media/index.js';
import {
  incomingFile,
  mediaStoragePath,
  moveIntoPlace,
  removeFile,
  resolveMediaPath,
} from '../../../pipeline/index.js';
import { hashFile } from '../../../pipeline/recording.js';
import type { InterviewRecord, MicroTaskRecord, NewMedia, Store } from '../../../store/index.js';
import { analysisTask } from '../../worker/index.js';
import { resolveMicroTaskLink } from './micro-task-link.js';
import { ANSWER_GRACE_SECONDS, extensionOf, measureSeconds, TEXT_ANSWER_TYPE } from './take.js';

/** Stages after which a micro-task can no longer be answered. */
const CLOSED = new Set(['hired', 'withdrawn', 'rejected']);

export interface MicroTaskAnswerOptions {
  readonly mediaDir: string;
  readonly now?: Date;
}

/**
 * The open micro-task of a link, ready to take an answer.
 * @throws CandorError LINK_INVALID (unknown, revoked, expired), NOT_FOUND (no micro-task),
 *   CONFLICT (already answered, or the application is closed)
 */
async function openMicroTask(
  store: Store,
  token: string,
  now: Date,
): Promise<{ microTask: MicroTaskRecord; interview: InterviewRecord; answerSeconds: number }> {
  const { invitation, microTask } = await resolveMicroTaskLink(store, token);
  if (microTask === null) {
    throw new CandorError('NOT_FOUND', 'there is no extra question for this interview', {
      entity: 'micro-task',
      id: invitation.id,
    });
  }
  if (microTask.status === 'revoked') {
    throw new CandorError(
      'LINK_INVALID',
      'The hiring team withdrew this extra question; nothing needs to be sent. Your interview is kept as it was.',
      { reason: 'revoked' },
    );
  }
  if (microTask.status === 'answered') {
    throw new CandorError(
      'CONFLICT',
      'the extra question is already answered; your answer was kept and nothing more can be sent',
      { status: 'answered', answeredAt: microTask.answeredAt },
    );
  }
  if (new Date(microTask.expiresAt).getTime() <= now.getTime()) {
    throw new CandorError(
      'LINK_INVALID',
      'The time to answer the extra question has passed. Your interview is kept as it was.',
      { reason: 'expired', expiresAt: microTask.expiresAt },
    );
  }
  const application = await store.applications.get(microTask.applicationId);
  if (CLOSED.has(application.stage)) {
    throw new CandorError(
      'CONFLICT',
      'this application is closed; the extra question can no longer be answered',
      {
        stage: application.stage,
      },
    );
  }
  return {
    microTask,
    interview: await store.interviews.get(microTask.interviewId),
    answerSeconds: invitation.answerSeconds,
  };
}

/** Claims the micro-task for this answer, stores the answer's media, and queues the new analysis. */
async function keepAnswer(
  store: Store,
  mediaDir: string,
  task: { microTask: MicroTaskRecord; interview: InterviewRecord },
  kind: 'text' | 'recording',
  media: Omit<NewMedia, 'workspaceId' | 'interviewId' | 'position' | 'questionId' | 'questionText'> & {
    id: string;
  },
): Promise<MicroTaskRecord> {
  const { microTask, interview } = task;
  const file = resolveMediaPath(mediaDir, media.storagePath);
  if (!(await store.microTasks.markAnswered(microTask.id, { kind, mediaId: media.id }))) {
    await removeFile(file);
    throw new CandorError(
      'CONFLICT',
      'the extra question is already answered; your answer was kept and nothing more can be sent',
      { status: 'answered' },
    );
  }
  try {
    await store.media.put({
      ...media,
      workspaceId: interview.workspaceId,
      interviewId: interview.id,
      position: microTask.position,
      questionId: microTask.questionId,
      questionText: microTask.questionText,
    });
  } catch (error) {
    await store.microTasks.reopen(microTask.id);
    await removeFile(file);
    throw error;
  }
  await store.queue.enqueue(analysisTask(interview));
  return store.microTasks.get(microTask.id);
}

/**
 * Keeps a typed answer to the link's micro-task and queues the interview's new analysis.
 * @throws CandorError VALIDATION_FAILED (empty), FILE_TOO_LARGE (over `limitChars`), and the
 *   link's errors: LINK_INVALID, NOT_FOUND, CONFLICT (answered twice)
 * @example const task = await answerMicroTaskText(store, { token, text: 'I asked…', mediaDir })
 */
export async function answerMicroTaskText(
  store: Store,
  input: MicroTaskAnswerOptions & { token: string; text: string; limitChars?: number },
): Promise<MicroTaskRecord> {
  const text = input.text.trim();
  if (text === '') {
    throw new CandorError('VALIDATION_FAILED', 'body.text: the answer is empty; type your answer first', {
      in: 'body',
      field: 'text',
    });
  }
  if (input.limitChars !== undefined && text.length > input.limitChars) {
    throw new CandorError(
      'FILE_TOO_LARGE',
      `body.text: the answer has ${text.length} characters, over the limit of ${input.limitChars} (CANDOR_TYPED_ANSWER_LIMIT_CHARS)`,
      { in: 'body', field: 'text', limitChars: input.limitChars },
    );
  }
  const task = await openMicroTask(store, input.token, input.now ?? new Date());
  const id = newId('media');
  const storagePath = mediaStoragePath(task.interview, id, 'txt');
  const file = resolveMediaPath(input.mediaDir, storagePath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
  return keepAnswer(store, input.mediaDir, task, 'text', {
    id,
    fileName: 'micro-task-typed.txt',
    storagePath,
    contentType: TEXT_ANSWER_TYPE,
    bytes: Buffer.byteLength(text, 'utf8'),
    sha256: createHash('sha256').update(text).digest('hex'),
    durationSeconds: null,
  });
}

/**
 * Keeps a recorded answer (the whole recording in one body) to the link's micro-task and queues
 * the interview's new analysis. The recording must have sound and last at most the invitation's
 * answer time (plus 5 s of grace).
 * @throws CandorError MEDIA_UNREADABLE, FILE_TOO_LARGE, and the link's errors
 * @example const task = await answerMicroTaskRecording(store, { token, bytes, mediaDir })
 */
export async function answerMicroTaskRecording(
  store: Store,
  input: MicroTaskAnswerOptions & { token: string; bytes: Buffer },
): Promise<MicroTaskRecord> {
  const task = await openMicroTask(store, input.token, input.now ?? new Date());
  if (input.bytes.length === 0) {
    throw new CandorError('MEDIA_UNREADABLE', 'no audio arrived; record your answer again', {});
  }
  const temp = await incomingFile(input.mediaDir);
  await writeFile(temp, input.bytes);
  const unreadable = async (reason: string): Promise<never> => {
    await removeFile(temp);
    throw new CandorError(
      'MEDIA_UNREADABLE',
      `the recording cannot be read (${reason}); record it again`,
      {},
    );
  };
  const type = await sniffFile(temp);
  if (type === null) return unreadable('not an audio or video recording');
  let info: MediaInfo;
  let seconds: number;
  try {
    info = await probeMedia(temp);
    if (!info.hasAudio) return await unreadable('it has no sound track');
    seconds = await measureSeconds(temp, info);
  } catch (error) {
    if (isCandorError(error) && error.code === 'MEDIA_UNREADABLE') throw error;
    if (isCandorError(error) && error.code === 'ASSET_MISSING') throw error;
    return unreadable(isCandorError(error) ? (error.message.split(': ').at(-1) ?? 'unknown') : 'unknown');
  }
  if (seconds > task.answerSeconds + ANSWER_GRACE_SECONDS) {
    await removeFile(temp);
    throw new CandorError(
      'FILE_TOO_LARGE',
      `the answer lasts ${Math.round(seconds)} s, over the ${task.answerSeconds} s allowed; record a shorter one`,
      { durationSeconds: seconds, answerSeconds: task.answerSeconds },
    );
  }
  const { extension, contentType } = extensionOf(type, info);
  const id = newId('media');
  const storagePath = mediaStoragePath(task.interview, id, extension);
  const sha256 = await hashFile(temp);
  await moveIntoPlace(temp, resolveMediaPath(input.mediaDir, storagePath));
  return keepAnswer(store, input.mediaDir, task, 'recording', {
    id,
    fileName: `micro-task-recording.${extension}`,
    storagePath,
    contentType,
    bytes: input.bytes.length,
    sha256,
    durationSeconds: seconds,
  });
}
