#!/usr/bin/env node
/**
 * Converts the MIT Interview Dataset (../shared/data/interviews-mit: transcripts.csv, scores.csv)
 * into what Candor reads: one JSON transcript per interview (`p1.json`, `pp1.json`: speakers
 * "Interviewer" and "Interviewee", the interviewee named as the candidate) and `ratings.csv` in the
 * ratings format (docs/features.md): person = the person (p1 and pp1 are both person `1`), rater
 * `crowd-mean`, scale `1-7`, targets `overall` and `excited`.
 *
 * Usage: node scripts/interviews-mit.mjs [--data ../shared/data/interviews-mit] --out DIR
 * Then:  candor features DIR --person-from '^p+(\d+)' --out features.csv
 *
 * Plain Node, no build needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function records(file) {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i] ?? ''])));
}

// The transcribers' labels, typos included ("Intrviewer", "Inerviewee", "Intervieweee", "INterviewee").
const LABEL = /^\s*(in[a-z]{0,12}?)\s*:/i;

/**
 * The turns of one transcript: `Interviewer: …|Interviewee: …`. A segment without a label
 * continues the previous speaker's turn (or, first of all, is the interviewee's).
 * @example turns('Interviewer: Hi.|Interviewee: Hello.') // [{ speaker: 'Interviewer', text: 'Hi.' }, …]
 */
export function turns(transcript) {
  const out = [];
  for (const part of transcript.split('|')) {
    const m = LABEL.exec(part);
    const label = m?.[1]?.toLowerCase();
    const speaker = label?.endsWith('ee') ? 'Interviewee' : label?.endsWith('er') ? 'Interviewer' : null;
    const text = (speaker ? part.slice(m[0].length) : part).replace(/\s+/g, ' ').trim();
    if (speaker === null && out.length > 0) {
      const last = out[out.length - 1];
      last.text = `${last.text} ${text}`.trim();
      continue;
    }
    out.push({ speaker: speaker ?? 'Interviewee', text });
  }
  return out.filter((t) => t.text !== '');
}

/** The person of an interview: `p12` and `pp12` are both person `12`. */
export function personOf(participant) {
  const m = /^p+(\d+)$/i.exec(participant.trim());
  if (!m) throw new Error(`unexpected participant id "${participant}" (expected p<N> or pp<N>)`);
  return m[1];
}

function csvCell(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes the transcripts and ratings.csv into `out`; returns what it wrote. */
export function convert(data, out) {
  const transcripts = records(path.join(data, 'transcripts.csv'));
  const scores = new Map(records(path.join(data, 'scores.csv')).map((r) => [r.Participant.trim(), r]));
  mkdirSync(out, { recursive: true });
  const ratings = [['interview', 'person', 'rater', 'target', 'score', 'scale']];
  const written = [];
  for (const row of transcripts) {
    const interview = row.Participant.trim();
    const person = personOf(interview);
    const segments = turns(row.Transcript);
    const file = {
      version: 1,
      title: `MIT Interview Dataset, interview ${interview} (person ${person})`,
      candidate: 'Interviewee',
      interviewers: ['Interviewer'],
      kind: 'live',
      segments,
    };
    writeFileSync(path.join(out, `${interview}.json`), JSON.stringify(file, null, 2) + '\n');
    written.push(interview);
    const score = scores.get(interview);
    if (!score) {
      process.stderr.write(
        `interviews-mit: no scores for ${interview}; its transcript is written without ratings\n`,
      );
      continue;
    }
    for (const [target, column] of [
      ['overall', 'Overall'],
      ['excited', 'Excited'],
    ]) {
      const value = Number(score[column]);
      if (!Number.isFinite(value)) throw new Error(`scores.csv: ${interview}: ${column} is not a number`);
      ratings.push([interview, person, 'crowd-mean', target, String(value), '1-7']);
    }
  }
  writeFileSync(
    path.join(out, 'ratings.csv'),
    ratings.map((r) => r.map(csvCell).join(',')).join('\n') + '\n',
  );
  return { interviews: written, ratings: ratings.length - 1 };
}

function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: path.join('..', 'shared', 'data', 'interviews-mit') },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    process.stderr.write(
      'usage: node scripts/interviews-mit.mjs [--data ../shared/data/interviews-mit] --out DIR\n',
    );
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const { interviews, ratings } = convert(values.data, values.out);
  const people = new Set(interviews.map(personOf)).size;
  process.stdout.write(
    `${interviews.length} interviews of ${people} people written to ${values.out}; ratings.csv: ${ratings} ratings (overall, excited; scale 1-7)\n`,
  );
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`interviews-mit: ${error.message}\n`);
    process.exitCode = 2;
  }
}
