// Interviews made of real conversation: runs of consecutive speaker turns sampled from the QMSum
// meeting transcripts in ../shared/data/meetings-qmsum (AMI product-design meetings, ICSI research
// meetings, parliamentary committees), with a seeded random generator so every run builds the same
// interviews. The transcribers' markers ({disfmarker}, {vocalsound} …) are dropped; the words,
// fillers and speaker names are kept as spoken.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../dist/validation/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const QMSUM_DIR = path.resolve(root, '..', 'shared', 'data', 'meetings-qmsum');
const DOMAINS = ['Academic', 'Committee', 'Product'];

// The project's own seeded generator (src/validation/seeded-random.ts), from the build.
export { seededRandom };

/** Every meeting as its list of `{ speaker, text }` turns, in file-name order. */
export function loadMeetings() {
  if (!existsSync(QMSUM_DIR)) throw new Error(`${QMSUM_DIR} is missing (see ../shared/data/README.md)`);
  const meetings = [];
  for (const domain of DOMAINS) {
    for (const file of readdirSync(path.join(QMSUM_DIR, domain)).sort()) {
      if (!file.endsWith('.json')) continue;
      const { meeting_transcripts: turns } = JSON.parse(
        readFileSync(path.join(QMSUM_DIR, domain, file), 'utf8'),
      );
      const cleaned = turns
        .map((t) => ({ speaker: t.speaker, text: clean(t.content) }))
        .filter((t) => t.text.length > 0);
      if (cleaned.length >= 30) meetings.push({ name: `${domain}/${file}`, turns: cleaned });
    }
  }
  return meetings;
}

function clean(text) {
  return text
    .replace(/\{[a-z_]+\}/gi, ' ')
    .replace(/\s+([,.?!;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The `i`-th interview of a seeded sequence: 10–30 consecutive turns of one meeting.
 * @example const next = interviewSampler(loadMeetings(), 42); const { meeting, turns } = next()
 */
export function interviewSampler(meetings, seed) {
  const random = seededRandom(seed);
  return () => {
    const meeting = meetings[Math.floor(random() * meetings.length)];
    const length = 10 + Math.floor(random() * 21);
    const start = Math.floor(random() * (meeting.turns.length - length));
    return { meeting: meeting.name, turns: meeting.turns.slice(start, start + length) };
  };
}
