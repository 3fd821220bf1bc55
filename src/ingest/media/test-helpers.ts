import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { need } from '../../test-helpers.js';

/** The shared real-data folder (../shared/data from the project root). */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
export const JFK = path.join(SHARED_DATA, 'speech', 'jfk.flac');
export const LIBRIVOX = path.join(SHARED_DATA, 'speech', 'librivox');
export const VIDEO_GRID = path.join(SHARED_DATA, 'video-grid');
export const ffmpeg = need.tool('ffmpeg');
export const speechData = [need.sharedData('speech/jfk.flac'), need.sharedData('speech/librivox')];
export const videoData = need.sharedData('video-grid');

/** A temporary folder removed by the returned cleanup. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-media-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the ffmpeg program itself to make a real encoded file (`args` are the output options). */
export function ffmpegMake(input: string[], args: string[], out: string): string {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...input, ...args, out]);
  return out;
}
