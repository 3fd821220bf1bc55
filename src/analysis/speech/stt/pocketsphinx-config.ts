import { existsSync } from 'node:fs';
import path from 'node:path';
import { findSharedLibrary, type FoundLibrary } from './shared-library.js';

/** Where Debian's pocketsphinx-en-us package puts the US English model. */
export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

/** The three files a pocketsphinx decoder needs. */
export interface PocketsphinxModel {
  /** Acoustic model folder (mdef, means, variances, …). */
  readonly hmm: string;
  /** Language model (trigram, binary). */
  readonly lm: string;
  /** Pronunciation dictionary. */
  readonly dict: string;
}

/**
 * The model in `dir` (default `CANDOR_POCKETSPHINX_MODEL`, else Debian's path), laid out as
 * pocketsphinx-en-us ships it: `en-us/`, `en-us.lm.bin`, `cmudict-en-us.dict`.
 * @example const model = pocketsphinxModel() // { hmm: '/usr/share/pocketsphinx/model/en-us/en-us', … }
 */
export function pocketsphinxModel(
  dir = process.env.CANDOR_POCKETSPHINX_MODEL || DEFAULT_MODEL_DIR,
): PocketsphinxModel {
  return {
    hmm: path.join(dir, 'en-us'),
    lm: path.join(dir, 'en-us.lm.bin'),
    dict: path.join(dir, 'cmudict-en-us.dict'),
  };
}

/** The model files that are missing, empty when the model is complete. */
export function missingModelFiles(model: PocketsphinxModel): string[] {
  return [path.join(model.hmm, 'mdef'), model.lm, model.dict].filter((file) => !existsSync(file));
}

/** File names of pocketsphinx 5prealpha's shared libraries (Debian libpocketsphinx3 + libsphinxbase3). */
const LIBRARY_FILES = {
  pocketsphinx: ['libpocketsphinx.so.3', 'libpocketsphinx.so'],
  sphinxbase: ['libsphinxbase.so.3', 'libsphinxbase.so'],
} as const;

/** Where the system says pocketsphinx's two libraries are (null: not installed). */
export interface PocketsphinxLibraries {
  readonly pocketsphinx: FoundLibrary | null;
  readonly sphinxbase: FoundLibrary | null;
}

/**
 * Asks the system (ldconfig, then pkg-config) where libpocketsphinx and libsphinxbase are.
 * @example locatePocketsphinx().pocketsphinx?.path // '/lib/x86_64-linux-gnu/libpocketsphinx.so.3'
 */
export function locatePocketsphinx(): PocketsphinxLibraries {
  return {
    pocketsphinx: findSharedLibrary('pocketsphinx', LIBRARY_FILES.pocketsphinx),
    sphinxbase: findSharedLibrary('sphinxbase', LIBRARY_FILES.sphinxbase),
  };
}

/**
 * What the decoder thread hands to koffi.load, in order: the path the system reported, then the
 * bare file names (the dynamic linker's own search, e.g. LD_LIBRARY_PATH).
 */
export function pocketsphinxLibraryCandidates(found: PocketsphinxLibraries = locatePocketsphinx()): {
  pocketsphinx: string[];
  sphinxbase: string[];
} {
  const candidates = (library: FoundLibrary | null, names: readonly string[]) => [
    ...(library ? [library.path] : []),
    ...names,
  ];
  return {
    pocketsphinx: candidates(found.pocketsphinx, LIBRARY_FILES.pocketsphinx),
    sphinxbase: candidates(found.sphinxbase, LIBRARY_FILES.sphinxbase),
  };
}

/**
 * Decoder settings, tuned with bench/speech-to-text.mjs on the librivox clips and jfk.flac and
 * checked on 40 asterisk prompts (figures in that bench's output), against the defaults the
 * `pocketsphinx_continuous` program uses:
 * - `-remove_silence no`: 5prealpha's built-in VAD drops silent frames before search, and the word
 *   frames ps_seg_frames reports then skip them: word times drift earlier by every pause (jfk: 1.3 s
 *   by its end). The splitter here removes long silences itself, keeping times true.
 * - `-remove_noise no`: spectral noise subtraction cost words on clean prompts (asterisk WER
 *   40.8% → 33.8%) and changed nothing on librivox/jfk.
 * - `-fwdflat no`: the second flat-lexicon pass gained nothing measurable on these clips and costs
 *   about a quarter of the time; `-bestpath` (lattice rescoring, default yes) stays on.
 * - `-maxhmmpf 7000` (default 30000): caps active HMMs per frame; halves the time on noisy jfk
 *   without a WER change (at 3000 librivox/jfk WER rose from 28% to 36%).
 */
export const DECODER_SETTINGS: readonly string[] = [
  '-remove_silence',
  'no',
  '-remove_noise',
  'no',
  '-fwdflat',
  'no',
  '-maxhmmpf',
  '7000',
];

/**
 * The argument list for cmd_ln_init: model files, the log file, `DECODER_SETTINGS`, then `overrides`
 * (flag/value pairs) replacing any of those; cmd_ln rejects a flag given twice.
 * @example decoderArguments(pocketsphinxModel(), '/dev/null', ['-fwdflat', 'yes'])
 */
export function decoderArguments(
  model: PocketsphinxModel,
  logFile: string,
  overrides: readonly string[] = [],
): string[] {
  const flags = new Map<string, string>();
  const base = [
    '-hmm',
    model.hmm,
    '-lm',
    model.lm,
    '-dict',
    model.dict,
    '-logfn',
    logFile,
    ...DECODER_SETTINGS,
  ];
  for (const list of [base, overrides]) {
    for (let i = 0; i + 1 < list.length; i += 2) flags.set(list[i]!, list[i + 1]!);
  }
  return [...flags].flat();
}
