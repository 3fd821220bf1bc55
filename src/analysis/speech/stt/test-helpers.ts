import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SPEECH_DATA = path.resolve(import.meta.dirname, '../../../../../shared/data/speech');
export const JFK = path.join(SPEECH_DATA, 'jfk.flac');
export const LIBRIVOX = path.join(SPEECH_DATA, 'librivox');
export const hasSpeechData = existsSync(JFK) && existsSync(path.join(LIBRIVOX, 'transcription'));
export const hasPocketsphinx =
  existsSync('/usr/share/pocketsphinx/model/en-us/en-us/mdef') &&
  existsSync('/usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3');

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
