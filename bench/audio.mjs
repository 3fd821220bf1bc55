// Shared by the benches: audio the reference programs (Praat, pocketsphinx_continuous) read.
import { execFileSync } from 'node:child_process';

/** Writes `input` as a 16 kHz mono 16-bit WAV to `output` with the ffmpeg program; returns `output`. */
export function toWav16k(input, output) {
  execFileSync('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    output,
  ]);
  return output;
}
