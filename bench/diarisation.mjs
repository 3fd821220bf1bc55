// Diarisation benchmark: who spoke when on one track, no trained model (src/analysis/speech/diarise),
// scored by diarisation error rate (DER, as NIST md-eval: missed + false alarm + confusion over the
// reference speech, overlap counted per speaker, optimal one-to-one speaker map) against the AMI
// RTTM files, beside the one-speaker baseline (the same speech found, all of it one speaker)
// computed in the same run. DER is printed with no collar and with the standard 0.25 s collar.
// The one fitted value, the same-speaker pause bridge (BRIDGE_SECONDS), was fitted on mixture.wav
// (the dev file) only; the bench refits it there, prints the grid and says which file it came from.
// sample.wav is held out: nothing is tuned on it.
// Runs on the BUILT code: npx tsc -p tsconfig.build.json && node bench/diarisation.mjs
// Needs ffmpeg on the PATH and ../shared/data/speech/meeting-ami.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const diarise = await import(path.join(root, 'dist', 'analysis', 'speech', 'diarise', 'index.js'));
const AMI = path.resolve(root, '..', 'shared', 'data', 'speech', 'meeting-ami');

function decode(file) {
  const bytes = execFileSync(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-i', file, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
    { maxBuffer: 1 << 30 },
  );
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
}

const pct = (v) => `${(100 * v).toFixed(1)}%`;

// Refit the pause bridge on the dev file: DER for each value of the grid, turns of one run.
const { BRIDGE_FIT, BRIDGE_SECONDS } = diarise;
const devName = path.basename(BRIDGE_FIT.fittedOn, '.wav');
const devReference = diarise.parseRttm(readFileSync(path.join(AMI, `${devName}.rttm`), 'utf8'));
const unbridged = diarise.diarise(decode(path.join(AMI, `${devName}.wav`)), 16000, {
  bridgeSeconds: 0,
}).turns;
const fit = BRIDGE_FIT.grid.map((gap) => ({
  gap,
  der: diarise.diarisationErrorRate(devReference, diarise.bridgeSameSpeakerGaps(unbridged, gap)).der,
}));
const best = fit.reduce((a, b) => (b.der < a.der - 1e-9 ? b : a));
console.log(
  `Same-speaker pause bridge: ${BRIDGE_SECONDS} s, fitted on ${BRIDGE_FIT.fittedOn} (held out: ${BRIDGE_FIT.heldOut.join(', ')}).`,
);
console.log(
  `  ${devName}.wav DER by bridge (s): unbridged ${pct(diarise.diarisationErrorRate(devReference, unbridged).der)}; ` +
    fit.map((f) => `${f.gap} ${pct(f.der)}`).join(', '),
);
console.log(
  best.gap === BRIDGE_SECONDS
    ? `  refit: ${best.gap} s (smallest value with the lowest DER), as the code has it.`
    : `  refit: ${best.gap} s, NOT the ${BRIDGE_SECONDS} s in the code: the fit is stale.`,
);

const rows = [];
for (const [name, speakers] of [
  ['sample', 2],
  ['mixture', 4],
]) {
  const reference = diarise.parseRttm(readFileSync(path.join(AMI, `${name}.rttm`), 'utf8'));
  const samples = decode(path.join(AMI, `${name}.wav`));
  const started = performance.now();
  const result = diarise.diarise(samples, 16000);
  const ms = performance.now() - started;
  const oneSpeaker = result.turns.map((t) => ({ ...t, speaker: 'S1' }));
  const der = diarise.diarisationErrorRate(reference, result.turns);
  const derCollar = diarise.diarisationErrorRate(reference, result.turns, { collar: 0.25 });
  const base = diarise.diarisationErrorRate(reference, oneSpeaker);
  const baseCollar = diarise.diarisationErrorRate(reference, oneSpeaker, { collar: 0.25 });
  rows.push({
    file: `${name}.wav`,
    role: `${name}.wav` === path.basename(BRIDGE_FIT.fittedOn) ? 'dev (fit)' : 'held out',
    'speakers (ref / found)': `${speakers} / ${result.speakers.length}`,
    DER: pct(der.der),
    'one-speaker DER': pct(base.der),
    'DER, 0.25 s collar': pct(derCollar.der),
    'one-speaker, collar': pct(baseCollar.der),
    'missed / FA / confusion s': [der.missed, der.falseAlarm, der.confusion]
      .map((s) => s.toFixed(2))
      .join(' / '),
    'ratio to baseline': (der.der / base.der).toFixed(2),
    'ms per audio s': (ms / (samples.length / 16000)).toFixed(1),
  });
}
console.table(rows);
console.log(
  'Missed speech includes overlapped speech (one label per frame) and pauses the reference counts as speech.',
);
