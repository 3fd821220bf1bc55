/**
 * The MIT Interview Dataset as training data for `trainModel`: Candor's own features of each
 * transcript (`candor features`), the crowd ratings per target, and, for the "what prosody adds"
 * comparison, the data set's own Praat measurements (prosodic_features.csv) per interview.
 * Used by bench/interviews-mit.mjs and scripts/train-reference-model.mjs; needs the built dist/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert, parseCsv } from './interviews-mit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIT_DATA = path.resolve(root, '..', 'shared', 'data', 'interviews-mit');
const dist = (p) => import(path.join(root, 'dist', p));

/** `P12Q3` → `p12`, `PP12Q3` → `pp12`. */
function interviewOfAnswer(id) {
  const m = /^(p+)(\d+)q\d+$/i.exec(id.trim());
  if (!m)
    throw new Error(`prosodic_features.csv: unexpected row id "${id}" (expected P<N>Q<M> or PP<N>Q<M>)`);
  return `${m[1].toLowerCase()}${m[2]}`;
}

/**
 * The data set's Praat features per interview: the mean over its answers of each measure
 * (`praat:<name>`), and the answers' total duration in seconds (`praat:totalDuration`).
 */
export function prosodyByInterview(data = MIT_DATA) {
  const [header, ...rows] = parseCsv(readFileSync(path.join(data, 'prosodic_features.csv'), 'utf8'));
  const names = header.slice(1).map((h) => h.trim().replace(/:\d+$/, ''));
  const sums = new Map();
  for (const cells of rows) {
    const interview = interviewOfAnswer(cells[0]);
    const entry = sums.get(interview) ?? {
      n: 0,
      totals: new Array(names.length).fill(0),
      counts: new Array(names.length).fill(0),
    };
    entry.n += 1;
    names.forEach((_, i) => {
      const v = Number(cells[i + 1]);
      if (cells[i + 1] !== '' && Number.isFinite(v)) {
        entry.totals[i] += v;
        entry.counts[i] += 1;
      }
    });
    sums.set(interview, entry);
  }
  const out = new Map();
  for (const [interview, { totals, counts }] of sums) {
    const values = {};
    names.forEach((name, i) => (values[`praat:${name}`] = counts[i] > 0 ? totals[i] / counts[i] : null));
    values['praat:totalDuration'] = totals[names.indexOf('duration')];
    out.set(interview, values);
  }
  return out;
}

/**
 * Converts the data set into `work`, runs `candor features` on it and reads everything back.
 * @returns {{ rows, ratings: Map<target, InterviewRating[]>, scale, prosody }}
 */
export async function mitTrainingData(work, data = MIT_DATA) {
  convert(data, work);
  const featuresFile = path.join(work, 'features.csv');
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'bin', 'candor.js'),
      'features',
      work,
      '--person-from',
      '^p+(\\d+)',
      '--out',
      featuresFile,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`candor features failed (exit ${run.status}): ${run.stderr}`);
  const { parseFeaturesCsv } = await dist('features/index.js');
  const { parseRatingsCsv } = await dist('ratings/ratings-csv.js');
  const { rows } = parseFeaturesCsv(readFileSync(featuresFile, 'utf8'), featuresFile);
  const ratingsFile = path.join(work, 'ratings.csv');
  const parsed = parseRatingsCsv(readFileSync(ratingsFile, 'utf8'), ratingsFile);
  return { rows, parsed, prosody: prosodyByInterview(data) };
}

/**
 * A-priori literature set, chosen before looking at these ratings: the lexical features Naim et al.
 * (2018, IEEE TAC 9(2)) report among the most predictive of interview ratings — unique words, filler
 * words, first-person singular and plural pronouns, positive and negative emotion words — plus
 * hedges and disfluencies (fluency and assertiveness), and speaking rate where timing exists.
 */
export const LITERATURE_SIGNALS = [
  'interviewUniqueWords',
  'fillerWordsPer100',
  'firstPersonSingularPer100',
  'firstPersonPluralPer100',
  'positiveWordsPer100',
  'negativeWordsPer100',
  'hedgesPer100',
  'disfluenciesPer100',
  'wordsPerMinute',
];

/**
 * The rows with the data set's Praat measures added, and Candor's `wordsPerMinute` computed from
 * the answers' recorded durations (words ÷ minutes of answer audio), which a transcript without
 * timestamps cannot give.
 */
export function withSpeakingRate(rows, prosody) {
  return rows.map((row) => {
    const praat = prosody.get(row.interview) ?? {};
    const seconds = praat['praat:totalDuration'];
    const words = row.values.totalWords;
    const wordsPerMinute = seconds > 0 && words !== null ? (words / seconds) * 60 : null;
    return { ...row, values: { ...row.values, ...praat, wordsPerMinute } };
  });
}
