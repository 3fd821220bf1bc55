import { toInt16 } from './pcm.js';

/** A stretch of audio to decode as one utterance. */
export interface Utterance {
  /** Index of its first sample in the whole stream (a multiple of the frame size). */
  readonly startSample: number;
  readonly samples: Int16Array;
}

export interface SplitterOptions {
  /** Samples per analysis frame; default 160 (10 ms at 16 kHz, the recogniser's frame rate). */
  readonly frameSamples?: number;
  /** Quiet frames that end an utterance; default 30 (0.3 s), tuned on librivox + jfk. */
  readonly minSilenceFrames?: number;
  /** Quiet frames kept on each side of an utterance; default 25 (0.25 s). */
  readonly padFrames?: number;
  /** Longest utterance, in frames; default 2000 (20 s), cut at its quietest point. */
  readonly maxFrames?: number;
  /** Speech is louder than the noise floor by this many dB; default 12. */
  readonly marginDb?: number;
  /** Frames louder than the threshold an utterance needs to be decoded; default 5 (50 ms). */
  readonly minSpeechFrames?: number;
}

/** Frames the noise floor is measured over (30 s at 10 ms). */
const HISTORY_FRAMES = 3000;
/** Frames of history (3 s) before the first decision. */
const WARMUP_FRAMES = 300;
/** Below -60 dBFS everything is silence, however quiet the floor (digital silence is -100). */
const ABSOLUTE_FLOOR_DB = -60;

/**
 * Cuts a stream of 16 kHz PCM into utterances at pauses, by frame energy against an adaptive
 * noise floor (the 10th percentile of the last 30 s of frame energies, a common energy-VAD choice),
 * so each can be decoded whole: the recogniser's batch cepstral-mean normalisation then sees the
 * whole utterance, and the segments come out sentence-sized. Long silences are dropped (only
 * `padFrames` of quiet are kept on each side); memory is bounded by `maxFrames`.
 *
 * @example
 * const splitter = new UtteranceSplitter();
 * for await (const chunk of audio) for (const u of splitter.push(chunk)) decode(u);
 * for (const u of splitter.flush()) decode(u);
 */
export class UtteranceSplitter {
  private readonly frame: number;
  private readonly minSilence: number;
  private readonly pad: number;
  private readonly maxFrames: number;
  private readonly marginDb: number;
  private readonly minSpeech: number;

  /** Samples from `bufferStart` (absolute) on, not yet emitted or dropped. */
  private buffer = new Int16Array(0);
  private bufferLength = 0;
  private bufferStart = 0;
  /** Energy (dBFS) of each whole frame in the buffer, and whether it was above the threshold. */
  private energies: number[] = [];
  private loud: boolean[] = [];
  private readonly history = new Float32Array(HISTORY_FRAMES);
  private historyCount = 0;
  /** Current utterance start, in frames from bufferStart. */
  private unitStart = 0;
  /** Frames (from bufferStart) already classified as sound or quiet. */
  private classified = 0;
  private speechFrames = 0;
  private silenceRun = 0;

  constructor(options: SplitterOptions = {}) {
    this.frame = options.frameSamples ?? 160;
    this.minSilence = options.minSilenceFrames ?? 30;
    this.pad = options.padFrames ?? 25;
    this.maxFrames = options.maxFrames ?? 2000;
    this.marginDb = options.marginDb ?? 12;
    this.minSpeech = options.minSpeechFrames ?? 5;
  }

  /** Adds samples; returns the utterances they completed. */
  push(chunk: Float32Array): Utterance[] {
    this.append(toInt16(chunk));
    const first = this.energies.length;
    const whole = Math.floor(this.bufferLength / this.frame);
    for (let f = first; f < whole; f++) {
      const e = this.frameEnergy(f);
      this.energies.push(e);
      this.history[this.historyCount++ % HISTORY_FRAMES] = e;
    }
    // The first seconds decide nothing: a floor measured on 1 s of speech would sit in the speech.
    if (this.historyCount < WARMUP_FRAMES) return [];
    return this.classifyPending();
  }

  /** Ends the stream; returns the last utterance, if it holds speech. */
  flush(): Utterance[] {
    const out = this.classifyPending();
    const frames = this.energies.length;
    const end =
      this.silenceRun >= this.minSilence ? Math.min(frames - this.silenceRun + this.pad, frames) : frames;
    if (this.speechFrames >= this.minSpeech) {
      const endSample = end === frames ? this.bufferLength : end * this.frame;
      out.push(this.slice(this.unitStart * this.frame, endSample));
    }
    this.buffer = new Int16Array(0);
    this.bufferLength = 0;
    this.energies = [];
    this.loud = [];
    this.unitStart = 0;
    this.speechFrames = 0;
    this.silenceRun = 0;
    this.classified = 0;
    return out;
  }

  /** Classifies the frames not yet classified against the current threshold. */
  private classifyPending(): Utterance[] {
    const threshold = this.threshold();
    const out: Utterance[] = [];
    for (let f = this.classified; f < this.energies.length; f++) this.classify(f, threshold, out);
    this.classified = this.energies.length;
    this.compact();
    return out;
  }

  private classify(f: number, threshold: number, out: Utterance[]): void {
    const isLoud = (this.energies[f] ?? -Infinity) >= threshold;
    this.loud[f] = isLoud;
    if (!isLoud) {
      this.silenceRun++;
      // Nothing said yet: slide the start along so leading silence is not kept.
      if (this.speechFrames === 0 && this.silenceRun > this.pad)
        this.unitStart = Math.max(this.unitStart, f + 1 - this.pad);
    } else {
      if (this.silenceRun >= this.minSilence && this.speechFrames > 0) {
        const runStart = f - this.silenceRun;
        const end = Math.min(runStart + this.pad, f);
        this.emit(end, Math.max(end, f - this.pad), out);
      }
      this.silenceRun = 0;
      this.speechFrames++;
    }
    if (f + 1 - this.unitStart >= this.maxFrames) {
      const cut = this.quietestFrame(f + 1 - Math.floor(this.maxFrames / 4), f + 1);
      this.emit(cut, cut, out);
      this.speechFrames = this.loud.slice(cut, f + 1).filter(Boolean).length;
      this.silenceRun = Math.min(this.silenceRun, f + 1 - cut);
    }
  }

  /** Emits [unitStart, end) when it holds speech; the next utterance starts at `next`. */
  private emit(end: number, next: number, out: Utterance[]): void {
    const speech = this.loud.slice(this.unitStart, end).filter(Boolean).length;
    if (speech >= this.minSpeech) out.push(this.slice(this.unitStart * this.frame, end * this.frame));
    this.unitStart = next;
    this.speechFrames = 0;
  }

  private quietestFrame(from: number, to: number): number {
    let best = to - 1;
    let bestEnergy = Infinity;
    // A 5-frame moving sum, so one quiet frame inside a word does not win.
    for (let f = Math.max(from, this.unitStart + 1); f < to; f++) {
      let sum = 0;
      for (let k = f - 2; k <= f + 2; k++) sum += this.energies[Math.min(Math.max(k, 0), to - 1)] ?? 0;
      if (sum < bestEnergy) {
        bestEnergy = sum;
        best = f;
      }
    }
    return best;
  }

  private threshold(): number {
    const n = Math.min(this.historyCount, HISTORY_FRAMES);
    if (n === 0) return ABSOLUTE_FLOOR_DB;
    const sorted = Array.from(this.history.subarray(0, n)).sort((a, b) => a - b);
    const floor = sorted[Math.floor(n * 0.1)] ?? -100;
    const peak = sorted[Math.floor(n * 0.999)] ?? floor;
    // No frame stands out from the floor: no pause in the last 30 s (or only noise). Then the
    // "floor" is the signal itself, and everything above the absolute floor counts as sound.
    if (peak - floor < this.marginDb) return Math.max(floor - 1, ABSOLUTE_FLOOR_DB);
    return Math.max(floor + this.marginDb, ABSOLUTE_FLOOR_DB);
  }

  private frameEnergy(f: number): number {
    let sum = 0;
    for (let i = f * this.frame; i < (f + 1) * this.frame; i++) {
      const v = (this.buffer[i] ?? 0) / 32768;
      sum += v * v;
    }
    return 10 * Math.log10(sum / this.frame + 1e-10);
  }

  private slice(from: number, to: number): Utterance {
    return { startSample: this.bufferStart + from, samples: this.buffer.slice(from, to) };
  }

  private append(samples: Int16Array): void {
    if (this.bufferLength + samples.length > this.buffer.length) {
      const grown = new Int16Array(Math.max(this.buffer.length * 2, this.bufferLength + samples.length));
      grown.set(this.buffer.subarray(0, this.bufferLength));
      this.buffer = grown;
    }
    this.buffer.set(samples, this.bufferLength);
    this.bufferLength += samples.length;
  }

  /** Drops everything before the current utterance start, keeping memory bounded. */
  private compact(): void {
    const drop = this.unitStart;
    if (drop === 0) return;
    this.buffer.copyWithin(0, drop * this.frame, this.bufferLength);
    this.bufferLength -= drop * this.frame;
    this.bufferStart += drop * this.frame;
    this.energies = this.energies.slice(drop);
    this.loud = this.loud.slice(drop);
    this.classified -= drop;
    this.unitStart = 0;
  }
}
