import { STT_SAMPLE_RATE } from './speech-to-text.js';

/** A contiguous piece of the stream: nothing dropped, so times inside it are `startSeconds` + offset. */
export interface AudioPart {
  readonly startSeconds: number;
  readonly samples: Float32Array;
}

/** 10 ms frames, for finding a quiet place to cut. */
const FRAME = STT_SAMPLE_RATE / 100;

/**
 * Cuts a stream into contiguous parts of at most `maxSeconds`, each cut at the quietest 100 ms of the
 * part's last `searchSeconds`, so a word is rarely split. For engines that take whole files (an HTTP
 * endpoint with an upload limit, whisper.cpp's batch call) while memory stays bounded.
 *
 * @example for await (const part of audioParts(decodeAudio('talk.mp3'), 600)) upload(part)
 */
export async function* audioParts(
  audio: AsyncIterable<Float32Array>,
  maxSeconds: number,
  searchSeconds = Math.min(10, maxSeconds / 4),
): AsyncGenerator<AudioPart> {
  const max = Math.max(FRAME * 10, Math.floor(maxSeconds * STT_SAMPLE_RATE));
  let buffer = new Float32Array(max);
  let length = 0;
  let start = 0;
  for await (const chunk of audio) {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, max - length);
      buffer.set(chunk.subarray(offset, offset + take), length);
      length += take;
      offset += take;
      if (length === max) {
        const cut = quietestCut(buffer, max - Math.floor(searchSeconds * STT_SAMPLE_RATE), max);
        yield { startSeconds: start / STT_SAMPLE_RATE, samples: buffer.slice(0, cut) };
        const rest = buffer.slice(cut, length);
        buffer = new Float32Array(max);
        buffer.set(rest);
        length = rest.length;
        start += cut;
      }
    }
  }
  if (length > 0) yield { startSeconds: start / STT_SAMPLE_RATE, samples: buffer.slice(0, length) };
}

/**
 * Sample index (frame-aligned) at the centre of the quietest 100 ms window in [from, to); when a
 * whole pause is equally quiet, the middle of that pause.
 */
function quietestCut(samples: Float32Array, from: number, to: number): number {
  const first = Math.max(FRAME, Math.floor(from / FRAME) * FRAME);
  const energies: number[] = [];
  for (let at = first; at + 10 * FRAME <= to; at += FRAME) {
    let energy = 0;
    for (let i = at; i < at + 10 * FRAME; i++) energy += (samples[i] ?? 0) ** 2;
    energies.push(energy);
  }
  if (energies.length === 0) return to;
  const least = Math.min(...energies);
  const start = energies.indexOf(least);
  let end = start;
  while (end + 1 < energies.length && energies[end + 1]! <= least * (1 + 1e-6) + 1e-12) end++;
  return first + Math.floor((start + end) / 2) * FRAME + 5 * FRAME;
}
