/**
 * The worker thread that owns the pocketsphinx decoder. It is plain JavaScript run with
 * `new Worker(source, { eval: true })`, so the same code runs from `src/` under Vitest and from
 * `dist/`, with no build step for the worker and no loader. It is kept small: it only binds the
 * library, decodes whole utterances and returns raw word frames; everything else (splitting,
 * cleaning words, segments) is typed TypeScript on the main thread.
 *
 * API: pocketsphinx/sphinxbase 0.8+5prealpha as Debian ships them (libpocketsphinx.so.3). Arities
 * checked against the library with `objdump -d`: ps_get_hyp(ps, int32 *score) takes two arguments
 * (0.8 took a third, the utterance id) and ps_seg_iter(ps) one (0.8 also took a score pointer);
 * ps_start_utt(ps) takes no utterance id. Declarations as in pocketsphinx.h of 5prealpha:
 *   cmd_ln_t *cmd_ln_init(cmd_ln_t *inout, arg_t const *defn, int32 strict, ...);  NULL-terminated
 *   int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n, int no_search, int full_utt);
 *   void ps_seg_frames(ps_seg_t *seg, int *out_sf, int *out_ef);  frames of 10 ms, inclusive
 *   int32 ps_seg_prob(ps_seg_t *seg, int32 *out_ascr, int32 *out_lscr, int32 *out_lback);
 *     the word's log posterior (logmath base) in the word lattice; ngram_search_seg_iter computes
 *     it (ps_lattice_posterior) whenever `-bestpath` is on, after ps_end_utt; without a lattice it
 *     is 0 (probability 1), so a word whose posterior is exactly 1 says nothing.
 *   logmath_t *ps_get_logmath(ps_decoder_t *ps); float64 logmath_exp(logmath_t *lmath, int logb_p);
 * Koffi 3: pointers are BigInt values, `_Out_ int *` parameters fill a one-element array.
 *
 * Messages in:  { type: 'decode', id, samples: Int16Array } | { type: 'close' }
 * Messages out: { type: 'ready' } | { type: 'failed', message }
 *             | { type: 'words', id, words: [word, startFrame, endFrame, posterior][] } | { type: 'error', id, message }
 */
export const POCKETSPHINX_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');

function openLibrary(koffi, names) {
  const reasons = [];
  for (const name of names) {
    try { return koffi.load(name); } catch (error) { reasons.push(String(error && error.message || error)); }
  }
  throw new Error('cannot load ' + names[0] + ': ' + reasons[0]);
}

function lastLogErrors(file) {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^(ERROR|FATAL)/.test(l));
    return lines.slice(-2).join('; ');
  } catch { return ''; }
}

function start() {
  const koffi = require(workerData.koffiPath);
  const sb = openLibrary(koffi, workerData.libraries.sphinxbase);
  const ps = openLibrary(koffi, workerData.libraries.pocketsphinx);
  const api = {
    cmd_ln_init: sb.func('void *cmd_ln_init(void *inout, void *defn, int strict, ...)'),
    cmd_ln_free_r: sb.func('int cmd_ln_free_r(void *config)'),
    err_set_logfile: sb.func('int err_set_logfile(const char *path)'),
    logmath_exp: sb.func('double logmath_exp(void *lmath, int logb_p)'),
    ps_args: ps.func('void *ps_args()'),
    ps_init: ps.func('void *ps_init(void *config)'),
    ps_free: ps.func('int ps_free(void *ps)'),
    ps_start_utt: ps.func('int ps_start_utt(void *ps)'),
    ps_process_raw: ps.func('int ps_process_raw(void *ps, const int16_t *data, size_t n, int no_search, int full_utt)'),
    ps_end_utt: ps.func('int ps_end_utt(void *ps)'),
    ps_seg_iter: ps.func('void *ps_seg_iter(void *ps)'),
    ps_seg_next: ps.func('void *ps_seg_next(void *seg)'),
    ps_seg_word: ps.func('const char *ps_seg_word(void *seg)'),
    ps_seg_frames: ps.func('void ps_seg_frames(void *seg, _Out_ int *sf, _Out_ int *ef)'),
    ps_seg_prob: ps.func('int ps_seg_prob(void *seg, _Out_ int *ascr, _Out_ int *lscr, _Out_ int *lback)'),
    ps_get_logmath: ps.func('void *ps_get_logmath(void *ps)'),
  };
  const variadic = [];
  for (const arg of workerData.args) variadic.push('str', arg);
  const config = api.cmd_ln_init(null, api.ps_args(), 1, ...variadic, 'str', null);
  if (!config) throw new Error('pocketsphinx rejected its settings: ' + workerData.args.join(' '));
  const decoder = api.ps_init(config);
  if (!decoder) {
    api.cmd_ln_free_r(config);
    throw new Error('pocketsphinx could not load its model' + (lastLogErrors(workerData.logFile) ? ': ' + lastLogErrors(workerData.logFile) : ''));
  }
  // Loaded: from now on pocketsphinx's per-utterance log lines go nowhere.
  api.err_set_logfile('/dev/null');
  return { api, config, decoder };
}

function decode({ api, decoder }, samples) {
  if (api.ps_start_utt(decoder) < 0) throw new Error('ps_start_utt failed');
  // full_utt = 1: the whole utterance at once, so batch CMN uses all of it.
  if (api.ps_process_raw(decoder, samples, samples.length, 0, 1) < 0) {
    api.ps_end_utt(decoder);
    throw new Error('ps_process_raw failed');
  }
  if (api.ps_end_utt(decoder) < 0) throw new Error('ps_end_utt failed');
  const words = [];
  const sf = [0];
  const ef = [0];
  const scores = [[0], [0], [0]];
  const logmath = api.ps_get_logmath(decoder);
  // ps_seg_next frees the iterator when it returns NULL at the end.
  for (let seg = api.ps_seg_iter(decoder); seg; seg = api.ps_seg_next(seg)) {
    api.ps_seg_frames(seg, sf, ef);
    const posterior = api.logmath_exp(logmath, api.ps_seg_prob(seg, scores[0], scores[1], scores[2]));
    words.push([api.ps_seg_word(seg), sf[0], ef[0], Math.min(1, Math.max(0, posterior))]);
  }
  return words;
}

let state;
try {
  state = start();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
}
try { fs.unlinkSync(workerData.logFile); } catch {}

if (state) {
  parentPort.on('message', (message) => {
    if (message.type === 'close') {
      state.api.ps_free(state.decoder);
      state.api.cmd_ln_free_r(state.config);
      state = undefined;
      parentPort.close();
      return;
    }
    try {
      parentPort.postMessage({ type: 'words', id: message.id, words: decode(state, message.samples) });
    } catch (error) {
      parentPort.postMessage({ type: 'error', id: message.id, message: String(error && error.message || error) });
    }
  });
}
`;
