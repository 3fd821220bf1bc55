// The speech clips with reference text that the recognition benches share: "dev" = every clip in
// ../shared/data/speech (jfk.flac + the LibriVox clips); "check" = 40 asterisk-core-sounds-en prompts.
// Each takes `wavOf(input, name)`, which makes a 16 kHz mono WAV of `input` once and returns its path.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const speechData = path.resolve(root, '..', 'shared', 'data', 'speech');
const asteriskSounds = '/usr/share/asterisk/sounds/en_US_f_Allison';
const asteriskTexts = '/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz';

export function devSet(wavOf) {
  if (!existsSync(speechData)) return [];
  const clips = [];
  const jfkRef = readFileSync(path.join(speechData, 'REFERENCE.txt'), 'utf8').trim().split('\n').at(-1);
  clips.push({ name: 'jfk', wav: wavOf(path.join(speechData, 'jfk.flac'), 'jfk'), text: jfkRef });
  const librivox = path.join(speechData, 'librivox');
  for (const line of readFileSync(path.join(librivox, 'transcription'), 'utf8').trim().split('\n')) {
    const m = /<s> (.*) <\/s> \((.*)\)/.exec(line);
    if (m) clips.push({ name: m[2], wav: wavOf(path.join(librivox, `${m[2]}.wav`), m[2]), text: m[1] });
  }
  return clips;
}

/** 40 prompts evenly spaced through the name-sorted list of those with a spoken text and a file. */
export function checkSet(wavOf) {
  if (!existsSync(asteriskTexts) || !existsSync(asteriskSounds)) return [];
  const items = execFileSync('zcat', [asteriskTexts])
    .toString()
    .split('\n')
    .map((line) => /^([\w\-/]+):\s+(.+)$/.exec(line))
    .filter(Boolean)
    .map((m) => ({ name: m[1], text: m[2].trim() }))
    .filter(
      (x) =>
        !/[[\]]/.test(x.text) &&
        /[a-z]/i.test(x.text) &&
        existsSync(path.join(asteriskSounds, `${x.name}.g722`)),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const step = items.length / 40;
  return Array.from({ length: Math.min(40, items.length) }, (_, i) => items[Math.floor(i * step)]).map(
    (x) => ({
      ...x,
      wav: wavOf(path.join(asteriskSounds, `${x.name}.g722`), `asterisk-${x.name.replace(/\//g, '_')}`),
    }),
  );
}
