import { STT_SAMPLE_RATE } from './speech-to-text.js';

/** Float samples (full scale ±1) to 16-bit PCM, clipped: resampled audio can overshoot ±1. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round((samples[i] ?? 0) * 32768);
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return out;
}

/**
 * A 16-bit PCM mono WAV file (canonical 44-byte RIFF header; Microsoft "Multimedia Programming
 * Interface and Data Specifications 1.0", WAVE format) from streamed float chunks.
 * @example const wav = await encodeWav(decodeAudio('answer.webm'))
 */
export async function encodeWav(
  audio: AsyncIterable<Float32Array> | Iterable<Float32Array>,
  options: { sampleRate?: number; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const sampleRate = options.sampleRate ?? STT_SAMPLE_RATE;
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of audio) {
    options.signal?.throwIfAborted();
    const pcm = toInt16(chunk);
    parts.push(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    bytes += pcm.byteLength;
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(bytes, 40);
  return Buffer.concat([header, ...parts]);
}
