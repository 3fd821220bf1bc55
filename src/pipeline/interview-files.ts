/**
 * Where an interview's files live in the media folder:
 * `<mediaDir>/<workspaceId>/<interviewId>/` holds its recordings (`<mediaId>.<ext>`), its latest
 * transcript (`transcript`, the text as uploaded) and, for practice, the practised question
 * (`practice.json`). Uploads are written under `<mediaDir>/.incoming/` first and renamed into
 * place, so a file is either whole or absent.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CandorError } from '../core/index.js';

/** The ids of an interview a path is made from. */
export interface InterviewRef {
  readonly id: string;
  readonly workspaceId: string;
}

/** Which question a practice interview practises. */
export interface PracticeQuestionRef {
  readonly questionSetId: string;
  readonly questionId: string;
}

const INCOMING = '.incoming';
const TRANSCRIPT_FILE = 'transcript';
const PRACTICE_FILE = 'practice.json';

function segment(id: string): string {
  // Ids come from newId(); anything else must never become part of a path.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) {
    throw new CandorError('INTERNAL', `unsafe id for a media path: ${JSON.stringify(id)}`, { id });
  }
  return id;
}

/** `<workspaceId>/<interviewId>`, relative to the media folder. */
export function interviewFolderPath(interview: InterviewRef): string {
  return path.join(segment(interview.workspaceId), segment(interview.id));
}

/**
 * The storage path (relative to the media folder) of a recording.
 * @example mediaStoragePath(interview, 'media_1', 'webm') // "ws_1/intv_1/media_1.webm"
 */
export function mediaStoragePath(interview: InterviewRef, mediaId: string, extension: string): string {
  return path.join(interviewFolderPath(interview), `${segment(mediaId)}.${segment(extension)}`);
}

/**
 * The absolute path of a stored file; refuses a storage path that would leave the media folder.
 * @example resolveMediaPath('/data/media', 'ws_1/intv_1/media_1.webm')
 */
export function resolveMediaPath(mediaDir: string, storagePath: string): string {
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, storagePath);
  if (!file.startsWith(root + path.sep)) {
    throw new CandorError('INTERNAL', `media path ${JSON.stringify(storagePath)} leaves the media folder`, {
      storagePath,
    });
  }
  return file;
}

/**
 * A fresh path for an upload in progress (the folder is created), on the same file system as the
 * final place so the rename into it is atomic.
 * @example const temp = await incomingFile(config.mediaDir)
 */
export async function incomingFile(mediaDir: string): Promise<string> {
  const dir = path.join(path.resolve(mediaDir), INCOMING);
  await mkdir(dir, { recursive: true });
  return path.join(dir, `${randomUUID()}.part`);
}

/**
 * Moves a finished upload into place, creating the interview's folder.
 * @example await moveIntoPlace(temp, resolveMediaPath(mediaDir, storagePath))
 */
export async function moveIntoPlace(temp: string, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await rename(temp, file);
}

/**
 * Deletes uploads left half-written in `<mediaDir>/.incoming` by a process that died, once they
 * are older than any upload still running could be. Returns how many were deleted.
 * @example await sweepIncoming(config.mediaDir) // at start-up
 */
export async function sweepIncoming(
  mediaDir: string,
  options: { olderThanMs?: number } = {},
): Promise<number> {
  const dir = path.join(path.resolve(mediaDir), INCOMING);
  const cutoff = Date.now() - (options.olderThanMs ?? 24 * 3600_000);
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info === null || info.mtimeMs >= cutoff) continue;
    await removeFile(file);
    removed += 1;
  }
  return removed;
}

/** Deletes a file if it is there; never throws for a missing one. */
export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Writes a whole file or nothing: to a temporary file first, then renamed over the old one. */
async function writeAtomically(mediaDir: string, file: string, content: string): Promise<void> {
  const temp = await incomingFile(mediaDir);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await moveIntoPlace(temp, file);
  } catch (error) {
    await removeFile(temp);
    throw error;
  }
}

async function readIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function transcriptFile(mediaDir: string, interview: InterviewRef): string {
  return resolveMediaPath(mediaDir, path.join(interviewFolderPath(interview), TRANSCRIPT_FILE));
}

/**
 * Keeps an interview's transcript text (replacing the one before, all or nothing).
 * @example await writeTranscriptText(mediaDir, interview, 'WEBVTT\n\n…')
 */
export function writeTranscriptText(mediaDir: string, interview: InterviewRef, text: string): Promise<void> {
  return writeAtomically(mediaDir, transcriptFile(mediaDir, interview), text);
}

/** The interview's transcript text as uploaded, or null when it has none. */
export function readTranscriptText(mediaDir: string, interview: InterviewRef): Promise<string | null> {
  return readIfThere(transcriptFile(mediaDir, interview));
}

/**
 * Records which question a practice interview practises.
 * @example await writePracticeQuestion(mediaDir, interview, { questionSetId: 'default', questionId: 'conflict' })
 */
export function writePracticeQuestion(
  mediaDir: string,
  interview: InterviewRef,
  ref: PracticeQuestionRef,
): Promise<void> {
  const file = resolveMediaPath(mediaDir, path.join(interviewFolderPath(interview), PRACTICE_FILE));
  return writeAtomically(mediaDir, file, `${JSON.stringify(ref)}\n`);
}

/** The practised question of a practice interview, or null when none was recorded. */
export async function readPracticeQuestion(
  mediaDir: string,
  interview: InterviewRef,
): Promise<PracticeQuestionRef | null> {
  const file = resolveMediaPath(mediaDir, path.join(interviewFolderPath(interview), PRACTICE_FILE));
  const text = await readIfThere(file);
  if (text === null) return null;
  const ref = JSON.parse(text) as Partial<PracticeQuestionRef>;
  if (typeof ref.questionSetId !== 'string' || typeof ref.questionId !== 'string') return null;
  return { questionSetId: ref.questionSetId, questionId: ref.questionId };
}

const CANDIDATE_FILE = 'candidate-speaker.json';

function candidateFile(mediaDir: string, interview: InterviewRef): string {
  return resolveMediaPath(mediaDir, path.join(interviewFolderPath(interview), CANDIDATE_FILE));
}

/**
 * Records which speaker of the interview's transcript is the candidate (chosen at upload, or the
 * speaker named like the candidate); null forgets it, for a transcript that says or needs no choice.
 * @example await writeCandidateSpeaker(mediaDir, interview, 'Marcus Lee')
 */
export async function writeCandidateSpeaker(
  mediaDir: string,
  interview: InterviewRef,
  speaker: string | null,
): Promise<void> {
  const file = candidateFile(mediaDir, interview);
  if (speaker === null) return removeFile(file);
  return writeAtomically(mediaDir, file, `${JSON.stringify({ speaker })}\n`);
}

/** The candidate's speaker label recorded for the interview's transcript, or null. */
export async function readCandidateSpeaker(
  mediaDir: string,
  interview: InterviewRef,
): Promise<string | null> {
  const text = await readIfThere(candidateFile(mediaDir, interview));
  if (text === null) return null;
  const { speaker } = JSON.parse(text) as { speaker?: unknown };
  return typeof speaker === 'string' ? speaker : null;
}
