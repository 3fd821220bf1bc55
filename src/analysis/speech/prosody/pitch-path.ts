/**
 * The global path finder of Boersma (1993, §6): Viterbi over the candidates of all frames, so that
 * the chosen pitch contour balances each candidate's strength against octave jumps and voicing
 * changes.
 *
 * Local strengths (as Praat's `Pitch_pathFinder`): a voiced candidate with 0 < F < ceiling scores
 * R − OctaveCost·log2(ceiling / F); the voiceless candidate (and any candidate at or above the
 * ceiling) scores VoicingThreshold + max(0, 2 − (localPeak / globalPeak) / (SilenceThreshold /
 * (1 + VoicingThreshold))). Transitions cost VoicedUnvoicedCost between voiced and voiceless and
 * OctaveJumpCost·|log2(F1 / F2)| between two voiced candidates; both costs are multiplied by
 * 0.01 s / time step so that they mean the same per second whatever the frame rate.
 */
import type { CandidateStore, PitchSettings } from './pitch-frame.js';

export interface PathInput {
  readonly store: CandidateStore;
  readonly frameCount: number;
  readonly globalPeak: number;
  readonly timeStep: number;
  /** Largest number of candidates per frame, voiceless one included. */
  readonly maxCandidates: number;
  readonly ceiling: number;
  readonly settings: PitchSettings;
}

export interface PathResult {
  /** F0 per frame in Hz, 0 where the path is voiceless. */
  readonly f0: Float64Array;
  /** Strength (normalised autocorrelation) of the chosen voiced candidate, 0 where voiceless. */
  readonly strength: Float64Array;
}

/** Finds the best path; frames with a zero global peak (all-constant signal) are all voiceless. */
export function findPitchPath(input: PathInput): PathResult {
  const { store, frameCount, globalPeak, settings, ceiling } = input;
  const f0 = new Float64Array(frameCount);
  const strength = new Float64Array(frameCount);
  if (frameCount === 0 || globalPeak === 0) return { f0, strength };
  const stride = input.maxCandidates;
  const correction = 0.01 / input.timeStep;
  const octaveJumpCost = settings.octaveJumpCost * correction;
  const voicedUnvoicedCost = settings.voicedUnvoicedCost * correction;
  const { silenceThreshold, voicingThreshold, octaveCost } = settings;

  // psi[j·stride + c]: best predecessor of candidate c in frame j.
  const psi = new Uint8Array(frameCount * stride);
  const firstCandidate = new Float64Array(frameCount + 1);
  let prevDelta = new Float64Array(stride);
  let curDelta = new Float64Array(stride);
  let prevFreq = new Float64Array(stride);
  let curFreq = new Float64Array(stride);
  let prevVoiced = new Uint8Array(stride);
  let curVoiced = new Uint8Array(stride);
  let prevCount = 0;
  let flat = 0;

  for (let j = 0; j < frameCount; j++) {
    const count = store.counts.get(j) + 1;
    firstCandidate[j] = flat;
    const intensity = Math.min(1, store.localPeaks.get(j) / globalPeak);
    let unvoiced = silenceThreshold <= 0 ? 0 : 2 - intensity / (silenceThreshold / (1 + voicingThreshold));
    unvoiced = voicingThreshold + (unvoiced > 0 ? unvoiced : 0);
    curFreq[0] = 0;
    curVoiced[0] = 0;
    curDelta[0] = unvoiced;
    for (let c = 1; c < count; c++, flat++) {
      const f = store.frequencies.get(flat);
      const voiced = f > 0 && f < ceiling;
      curFreq[c] = f;
      curVoiced[c] = voiced ? 1 : 0;
      curDelta[c] = voiced ? store.strengths.get(flat) - octaveCost * Math.log2(ceiling / f) : unvoiced;
    }
    if (j > 0) {
      const row = j * stride;
      for (let c2 = 0; c2 < count; c2++) {
        const f2 = curFreq[c2]!;
        const voiced2 = curVoiced[c2] === 1;
        let maximum = -1e30;
        let place = 0;
        for (let c1 = 0; c1 < prevCount; c1++) {
          const voiced1 = prevVoiced[c1] === 1;
          let cost: number;
          if (!voiced2) cost = voiced1 ? voicedUnvoicedCost : 0;
          else if (!voiced1) cost = voicedUnvoicedCost;
          else cost = octaveJumpCost * Math.abs(Math.log2(prevFreq[c1]! / f2));
          const value = prevDelta[c1]! - cost + curDelta[c2]!;
          if (value > maximum) {
            maximum = value;
            place = c1;
          }
        }
        curDelta[c2] = maximum;
        psi[row + c2] = place;
      }
    }
    [prevDelta, curDelta] = [curDelta, prevDelta];
    [prevFreq, curFreq] = [curFreq, prevFreq];
    [prevVoiced, curVoiced] = [curVoiced, prevVoiced];
    prevCount = count;
  }
  firstCandidate[frameCount] = flat;

  let place = 0;
  let maximum = prevDelta[0]!;
  for (let c = 1; c < prevCount; c++) {
    if (prevDelta[c]! > maximum) {
      maximum = prevDelta[c]!;
      place = c;
    }
  }
  for (let j = frameCount - 1; j >= 0; j--) {
    if (place > 0) {
      const index = firstCandidate[j]! + place - 1;
      const f = store.frequencies.get(index);
      if (f > 0 && f < ceiling) {
        f0[j] = f;
        strength[j] = store.strengths.get(index);
      }
    }
    place = psi[j * stride + place]!;
  }
  return { f0, strength };
}
