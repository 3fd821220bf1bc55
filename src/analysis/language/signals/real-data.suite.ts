import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test support (not shipped: `*.suite.ts` is excluded from the build): where the shared real data
 * sets live, and readers for the ones these tests use. See /work/shared/data/README.md.
 */

/** `<repo>/../shared/data`, resolved from this file so the tests run from any working directory. */
export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** True when the shared data folder is there (tests guard with `requires(need.sharedData(…))`). */
export function hasSharedData(): boolean {
  return existsSync(SHARED_DATA);
}

export interface MeetingTurn {
  readonly speaker: string;
  readonly content: string;
}

/** The speaker turns of one QMSum meeting, e.g. `meetingTurns('Product/ES2002a.json')`. */
export function meetingTurns(file: string): MeetingTurn[] {
  const data = JSON.parse(readFileSync(`${SHARED_DATA}meetings-qmsum/${file}`, 'utf8')) as {
    meeting_transcripts: MeetingTurn[];
  };
  return data.meeting_transcripts;
}

/**
 * A QMSum turn as plain text: `{vocalsound}`-style markers removed. With `breaks`, the AMI
 * interruption marker `{disfmarker}` becomes an em dash, the usual transcription of a broken-off
 * phrase, so the false-start rules can see it.
 */
export function cleanTurn(content: string, options: { breaks?: boolean } = {}): string {
  const marked = options.breaks ? content.replace(/\{disfmarker\}/g, ' — ') : content;
  return marked
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `label<TAB>sentence` lines of the Parakweet e-mail intent set. */
export function emailSentences(): { label: string; sentence: string }[] {
  return readFileSync(`${SHARED_DATA}email-intent-parakweet/Ask0729-fixed.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [label = '', sentence = ''] = line.split('\t');
      return { label: label.trim(), sentence: sentence.trim() };
    });
}

/** `id<TAB>mean<TAB>text` lines of VADER's tweet ground truth (human mean valence −4..+4). */
export function vaderTweets(): { id: string; mean: number; text: string }[] {
  return readFileSync(`${SHARED_DATA}sentiment-vader/tweets_GroundTruth.txt`, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.split('\t').length >= 3)
    .map((line) => {
      const [id = '', mean = '', ...rest] = line.split('\t');
      return { id, mean: Number(mean), text: rest.join('\t') };
    });
}
