import path from 'node:path';
import type { Transcript } from '../../domain/index.js';
import { readRecording as readRecordingWith, type Recogniser, type Recording } from '../../pipeline/index.js';
import { createProgress, type Progress } from '../progress.js';

export type { Recogniser, Recording };

/**
 * Reads a recording once, streaming (see `readRecording` in src/pipeline), with a progress line on
 * stderr: decoding feeds the prosody analysis and, unless a transcript was imported (an imported
 * transcript always wins), the speech recogniser.
 * @example const { transcript, voice } = await readRecording('answer.webm', { recogniser })
 */
export async function readRecording(
  file: string,
  options: {
    imported?: Transcript | null;
    recogniser: () => Promise<Recogniser>;
    speakers?: 'auto' | number;
  },
): Promise<Recording> {
  let progress: Progress | undefined;
  const recording = await readRecordingWith(file, {
    imported: options.imported ?? null,
    recogniser: options.recogniser,
    ...(options.speakers === undefined ? {} : { speakers: options.speakers }),
    onProgress: ({ seconds, total, recogniser }) => {
      const label = `${path.basename(file)}: ${recogniser ? `recognising speech (${recogniser})` : 'analysing the voice'}`;
      progress ??= createProgress(label, 'seconds');
      progress.update(seconds, total);
    },
  });
  progress?.finish(`${Math.round(recording.durationSeconds)} s analysed`);
  return recording;
}
