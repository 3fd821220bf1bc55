import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { need, requires } from '../../../test-helpers.js';

export const SPEECH_DATA = path.resolve(import.meta.dirname, '../../../../../shared/data/speech');
export const JFK = path.join(SPEECH_DATA, 'jfk.flac');
export const LIBRIVOX = path.join(SPEECH_DATA, 'librivox');
/** The shared speech clips (jfk.flac, the LibriVox clips and their transcripts). */
export const speechData = [
  need.sharedData('speech/jfk.flac'),
  need.sharedData('speech/librivox/transcription'),
];
export const hasSpeechData = requires(...speechData).ready;

/** jfk.flac's reference: the last line of REFERENCE.txt. */
export function jfkReference(): string {
  return readFileSync(path.join(SPEECH_DATA, 'REFERENCE.txt'), 'utf8').trim().split('\n').at(-1)!;
}

/** The LibriVox clips with their reference text, from the `transcription` file. */
export function librivoxClips(): { file: string; text: string }[] {
  return readFileSync(path.join(LIBRIVOX, 'transcription'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => /<s> (.*) <\/s> \((.*)\)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: path.join(LIBRIVOX, `${m[2]}.wav`), text: m[1]! }));
}

/**
 * 16 kHz mono float PCM of a file, by the ffmpeg program (analysis code may not import ingest;
 * ingest/media's own tests cover its decoder).
 */
export function pcmOf(file: string): Float32Array {
  const bytes = execFileSync(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-i', file, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
    {
      maxBuffer: 1 << 30,
    },
  );
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Streams samples in chunks of `size` (default 1 s), one event-loop turn apart, as decodeAudio does. */
export async function* streamOf(samples: Float32Array, size = 16_000): AsyncGenerator<Float32Array> {
  for (let i = 0; i < samples.length; i += size) {
    await new Promise((resolve) => setImmediate(resolve));
    yield samples.slice(i, i + size);
  }
}
