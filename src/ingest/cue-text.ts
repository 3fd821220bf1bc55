import { normalizeSpace } from './source-text.js';
import { speakerRuns, stripSoundAnnotations, type SpeakerRun } from './speaker-prefix.js';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

/**
 * Decodes the character references WebVTT cue text may contain (WebVTT §4.2.2: `&amp;`, `&lt;`,
 * `&gt;`, `&lrm;`, `&rlm;`, `&nbsp;`, and numeric references).
 * @example decodeEntities('Q&amp;A') // "Q&A"
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

// `[^<>]` rather than `[^>]`: a stray "<" must not make every later "<" rescan the line (quadratic).
const TAG = /<([^<>]*)>/g;
const SIMPLE_VOICE = /^<v(?:\.[^\s>]*)?\s+([^>]*)>([^<]*)(?:<\/v>)?$/;
const VOICE = /^v(?:\.[^\s>]*)?(?:\s+(.*))?$/s;

/**
 * Turns the text lines of one WebVTT cue into speaker runs. Speakers come from voice spans
 * (`<v Jane Doe>text</v>`, as Microsoft Teams writes them) or, when a cue has none, from a
 * `Name: text` label (as Zoom writes them). Other tags (`<c.yellow>`, `<i>`, `<b>`, `<ruby>`,
 * inline `<00:00:01.000>` karaoke timestamps) are dropped and their text kept.
 * @example vttCueRuns(['<v Ann>Hello <i>there</i></v>']) // [{ speaker: 'Ann', text: 'Hello there' }]
 */
export function vttCueRuns(lines: readonly string[]): SpeakerRun[] {
  if (lines.length === 1) {
    // Teams writes one `<v Name>text</v>` line per cue; take the common case without the tokenizer.
    const simple = SIMPLE_VOICE.exec(lines[0] ?? '');
    if (simple) {
      const text = normalizeSpace(stripSoundAnnotations(decodeEntities(simple[2] ?? '')));
      return text === '' ? [] : [{ speaker: simple[1]?.trim() || null, text }];
    }
  }
  const hasVoice = lines.some((line) => line.includes('<v'));
  if (!hasVoice) {
    const plain = lines.map((line) => stripSoundAnnotations(decodeEntities(line.replace(TAG, ''))));
    return speakerRuns(plain).filter((run) => run.text !== '');
  }
  const runs: { speaker: string | null; parts: string[] }[] = [];
  let voice: string | null = null;
  const add = (text: string): void => {
    const clean = stripSoundAnnotations(decodeEntities(text));
    if (clean === '') return;
    const last = runs[runs.length - 1];
    // Spaces between tags separate words whoever is speaking.
    if (clean.trim() === '') last?.parts.push(' ');
    else if (last && last.speaker === voice) last.parts.push(clean);
    else runs.push({ speaker: voice, parts: [clean] });
  };
  for (const line of lines) {
    let from = 0;
    for (const match of line.matchAll(TAG)) {
      add(line.slice(from, match.index));
      from = match.index + match[0].length;
      const tag = match[1] ?? '';
      const opened = VOICE.exec(tag);
      if (opened) voice = opened[1]?.trim() || null;
      else if (tag === '/v') voice = null;
    }
    add(line.slice(from));
    // A line break separates words even when the tags do not.
    const last = runs[runs.length - 1];
    if (last) last.parts.push(' ');
  }
  return runs
    .map((run) => ({ speaker: run.speaker, text: normalizeSpace(run.parts.join('')) }))
    .filter((run) => run.text !== '');
}
