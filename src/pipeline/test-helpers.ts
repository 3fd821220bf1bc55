import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '../core/index.js';
import { need, requires } from '../test-helpers.js';
import type { InterviewRecord, MediaRecord, Store } from '../store/index.js';
import { hashFile } from './recording.js';
import { mediaStoragePath, resolveMediaPath } from './interview-files.js';

const root = path.resolve(import.meta.dirname, '../..');
/** A strong live interview shipped in examples/. */
export const PRIYA_VTT = path.join(root, 'examples', 'interviews', 'priya-strong.vtt');
/** 11 s of J.F. Kennedy's inaugural address, from the shared real-data folder. */
export const JFK_FLAC = path.resolve(root, '..', 'shared', 'data', 'speech', 'jfk.flac');
/** ffmpeg, pocketsphinx and the JFK clip (.ci/run installs the tools; CI has ../shared). */
export const speechTools = requires(
  need.tool('ffmpeg'),
  need.pocketsphinx(),
  need.sharedData('speech/jfk.flac'),
);
/** Whether everything `speechTools` names is here. */
export const hasSpeechTools = speechTools.ready;

/** A temporary folder and its removal. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A small real recording: the JFK clip encoded as Ogg Opus (about 20 KB) by the ffmpeg program.
 * @example const ogg = makeJfkOgg(dir)
 */
export function makeJfkOgg(dir: string): string {
  const out = path.join(dir, 'jfk.ogg');
  execFileSync('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-i',
    JFK_FLAC,
    '-ac',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    '16k',
    out,
  ]);
  return out;
}

/** The transcript text of priya-strong.vtt. */
export const priyaText = (): string => readFileSync(PRIYA_VTT, 'utf8');

export interface HiringFixture {
  readonly workspaceId: string;
  readonly jobId: string;
  readonly applicationId: string;
  readonly candidateId: string;
}

/**
 * A workspace with one job, one candidate and their application, written straight to the store.
 * @example const { applicationId } = await hiringFixture(store, 'acme')
 */
export async function hiringFixture(
  store: Store,
  slug: string,
  job: { frameworkId?: string | null; questionSetId?: string | null } = {},
): Promise<HiringFixture> {
  const ws = await store.workspaces.ensure({ slug });
  const created = await store.jobs.create({
    workspaceId: ws.id,
    title: 'Sales Development Representative',
    description:
      'Prospect new accounts, qualify leads by phone and email, and book meetings for account executives.',
    skills: ['prospecting', 'cold calling', 'CRM'],
    frameworkId: job.frameworkId ?? null,
    questionSetId: job.questionSetId ?? null,
  });
  const candidate = await store.candidates.create({ workspaceId: ws.id, name: 'Priya Raman' });
  const { application } = await store.applications.findOrCreate({
    candidateId: candidate.id,
    jobId: created.id,
  });
  return { workspaceId: ws.id, jobId: created.id, applicationId: application.id, candidateId: candidate.id };
}

/**
 * Copies a recording into an interview's media folder and adds its row, as an upload does.
 * @example await addRecording(store, mediaDir, interview, ogg, { position: 0 })
 */
export async function addRecording(
  store: Store,
  mediaDir: string,
  interview: InterviewRecord,
  file: string,
  options: { position: number; questionId?: string | null; durationSeconds?: number | null },
): Promise<MediaRecord> {
  const id = newId('media');
  const ext = path.extname(file).slice(1) || 'bin';
  const storagePath = mediaStoragePath(interview, id, ext);
  const target = resolveMediaPath(mediaDir, storagePath);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(file, target);
  return store.media.add({
    id,
    workspaceId: interview.workspaceId,
    interviewId: interview.id,
    position: options.position,
    questionId: options.questionId ?? null,
    questionText: null,
    fileName: path.basename(file),
    storagePath,
    contentType: 'audio/ogg',
    bytes: readFileSync(file).length,
    sha256: await hashFile(file),
    durationSeconds: options.durationSeconds ?? null,
  });
}

/**
 * A WebVTT transcript of `bytes` bytes at most (and within 2 KB of it): priya-strong.vtt's cues
 * repeated, each copy later in time, as a very long interview would read.
 * @example const text = longTranscript(DEFAULT_INPUT_LIMITS.transcriptBytes)
 */
export function longTranscript(bytes: number): string {
  const cues = priyaText()
    .split(/\n\n+/)
    .slice(1)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.length >= 3 && lines[1]?.includes('-->'));
  const stamp = (s: number) => {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = (s % 60).toFixed(3).padStart(6, '0');
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${sec}`;
  };
  const parse = (t: string) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  const parts = ['WEBVTT\n'];
  let size = parts[0]?.length ?? 0;
  let n = 0;
  for (let round = 0; ; round++) {
    for (const [, times, ...text] of cues) {
      const [from = '', to = ''] = (times ?? '').split(' --> ');
      const shift = round * 730;
      n += 1;
      const cue = `\n${n}\n${stamp(parse(from) + shift)} --> ${stamp(parse(to) + shift)}\n${text.join('\n')}\n`;
      const length = Buffer.byteLength(cue);
      if (size + length > bytes) return parts.join('');
      parts.push(cue);
      size += length;
    }
  }
}
