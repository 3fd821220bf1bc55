/**
 * Recognises a speaker label at the start of a line of transcript text: `Jane Doe: text` (Zoom's
 * VTT and most typed transcripts), `[Jane Doe] text`, `- Jane: text` (subtitle dialogue dashes),
 * `>> JANE: text` (broadcast captions) and `**Jane:** text` (Markdown notes).
 *
 * A colon inside ordinary speech must not turn words into a speaker ("Note: bring a pen", "we met
 * at 10:30: it went well"), so the label has to look like a name: one to five words, each
 * capitalised (or a surname particle such as "van", "de"), no digits — except a role followed by a
 * number ("Speaker 1", which Otter, Rev and Word dictation write for unidentified voices) — and not
 * a word that usually starts a sentence or a label ("Note", "Yes", "Example").
 */

import { normalizeSpace } from './source-text.js';

const MAX_WORDS = 5;
const MAX_CAPITALISED = 4;

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLES = new Set(
  `van von de der den del della di da du la le dos das do bin ibn al el y ter ten zu af`.split(/\s+/),
);
// Roles that tools number when they cannot name the voice.
const NUMBERED_ROLES =
  /^(speaker|participant|guest|person|interviewer|interviewee|candidate|caller|attendee|user|panelist|unknown)$/i;
const NOT_A_NAME = new Set(
  `note notes nb n.b. ps p.s. warning caution tip hint example e.g. i.e. update edit summary reminder
  important todo fyi re subject agenda source step yes no so and but or well look listen remember
  also now then okay ok sure right again first second third finally basically actually honestly
  anyway however therefore plus thanks because this that here there it i we you they he she what why
  how when where which if my our your in on at to with from by as like result situation task action
  goal problem solution lesson background context outcome`.split(/\s+/),
);
// Sound annotations that subtitle files put in brackets; they are not speakers.
const SOUND =
  /^(music|laughter|laughs?|laughing|applause|inaudible|crosstalk|silence|noise|coughs?|coughing|sighs?|chuckles?|unintelligible|foreign|blank_audio|indistinct|background noise|no audio|pause)$/i;

/**
 * True when `label` looks like a speaker's name or role.
 * @example looksLikeSpeakerName('Jane Doe') // true
 * @example looksLikeSpeakerName('Note') // false
 */
export function looksLikeSpeakerName(label: string): boolean {
  // A transcript repeats a handful of labels thousands of times; remember the verdicts.
  const known = verdicts.get(label);
  if (known !== undefined) return known;
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  const verdict = judgeName(label);
  verdicts.set(label, verdict);
  return verdict;
}

const MAX_REMEMBERED = 4096;
const verdicts = new Map<string, boolean>();

function judgeName(label: string): boolean {
  let name = label.trim();
  if (name.length === 0 || name.length > 60) return false;
  // Teams and Zoom append "(Guest)", "(External)" or pronouns to display names.
  name = name.replace(/\s*\([^()\d]{1,40}\)$/, '');
  const words = name.split(/\s+/);
  const first = words[0] ?? '';
  if (words.length > MAX_WORDS || !CAPITALISED.test(first)) return false;
  if (NOT_A_NAME.has(first.toLowerCase()) || SOUND.test(name)) return false;
  let capitalised = 0;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (CAPITALISED.test(word)) capitalised += 1;
    else if (/^\d{1,3}$/.test(word)) {
      if (i !== words.length - 1 || !NUMBERED_ROLES.test(words[i - 1] ?? '')) return false;
    } else if (!PARTICLES.has(word) || i === words.length - 1) return false;
  }
  return capitalised <= MAX_CAPITALISED;
}

/** A line split into its speaker label and the words spoken. */
export interface SpeakerLine {
  readonly speaker: string;
  readonly text: string;
}

// Subtitle dialogue dashes and broadcast-caption speaker-change marks.
const DIALOGUE_MARK = /^(?:>>+\s*|[-–—]\s+)/;
const DIALOGUE_START = /^[->–—]/;
const BRACKETED = /^\[([^\]]{1,60})\]\s*:?\s*(.*)$/s;
const BOLD = /^(\*\*|__)([^*_]{1,62}?)\1\s*(.*)$/s;

/**
 * Splits `Name: text` (and the bracket, dash, `>>` and bold forms) into speaker and text, or
 * returns null when the line does not start with a speaker label.
 * @example splitSpeakerPrefix('Jane Doe: I led the migration.') // { speaker: 'Jane Doe', text: 'I led the migration.' }
 * @example splitSpeakerPrefix('Note: bring a pen') // null
 */
export function splitSpeakerPrefix(line: string): SpeakerLine | null {
  const trimmed = line.trimStart();
  const s = DIALOGUE_START.test(trimmed) ? trimmed.replace(DIALOGUE_MARK, '') : trimmed;
  const first = s.charAt(0);
  const bracketed = first === '[' ? BRACKETED.exec(s) : null;
  if (bracketed) {
    const [, name = '', rest = ''] = bracketed;
    return looksLikeSpeakerName(name) ? { speaker: name.trim(), text: rest.trim() } : null;
  }
  const bold = first === '*' || first === '_' ? BOLD.exec(s) : null;
  if (bold) {
    const [, , inner = '', after = ''] = bold;
    const name = inner.trimEnd().endsWith(':') ? inner.trimEnd().slice(0, -1) : null;
    if (name !== null && looksLikeSpeakerName(name)) return { speaker: name.trim(), text: after.trim() };
    if (after.startsWith(':') && looksLikeSpeakerName(inner))
      return { speaker: inner.trim(), text: after.slice(1).trim() };
    return null;
  }
  const colon = s.indexOf(':');
  if (colon < 1 || colon > 60) return null;
  const next = s.charAt(colon + 1);
  if (next !== '' && !/\s/.test(next)) return null;
  const name = s.slice(0, colon);
  return looksLikeSpeakerName(name) ? { speaker: name.trim(), text: s.slice(colon + 1).trim() } : null;
}

// Bracketed sound annotations ("[Music]", "[laughter]") carry no speech; subtitle files are full of them.
const SOUND_ANNOTATION =
  /\[(?:music|laughter|laughs?|laughing|applause|inaudible|crosstalk|silence|noise|coughs?|coughing|sighs?|chuckles?|unintelligible|foreign|blank_audio|indistinct|background noise|no audio|pause)\]/gi;

/** Removes bracketed sound annotations such as `[Music]` from caption text. */
export function stripSoundAnnotations(text: string): string {
  return text.includes('[') ? text.replace(SOUND_ANNOTATION, ' ') : text;
}

/** A run of caption lines attributed to one speaker (or to nobody). */
export interface SpeakerRun {
  readonly speaker: string | null;
  readonly text: string;
}

/**
 * Groups the text lines of one cue by speaker: a line with a label starts a new run, a line
 * without continues the current one. Lines are joined with a space.
 * @example speakerRuns(['Ann: Hi.', 'Bob: Hello', 'there.']) // [{speaker:'Ann',text:'Hi.'},{speaker:'Bob',text:'Hello there.'}]
 */
export function speakerRuns(lines: readonly string[], initialSpeaker: string | null = null): SpeakerRun[] {
  if (lines.length === 1) {
    const line = (lines[0] ?? '').trim();
    if (line === '') return [];
    const labelled = splitSpeakerPrefix(line);
    if (labelled) return [{ speaker: labelled.speaker, text: normalizeSpace(labelled.text) }];
    return [{ speaker: initialSpeaker, text: normalizeSpace(line.replace(DIALOGUE_MARK, '')) }];
  }
  const runs: { speaker: string | null; parts: string[] }[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const labelled = splitSpeakerPrefix(line);
    const current = runs[runs.length - 1];
    if (labelled)
      runs.push({ speaker: labelled.speaker, parts: labelled.text === '' ? [] : [labelled.text] });
    else if (current) current.parts.push(line.replace(DIALOGUE_MARK, ''));
    else runs.push({ speaker: initialSpeaker, parts: [line.replace(DIALOGUE_MARK, '')] });
  }
  return runs.map((run) => ({ speaker: run.speaker, text: normalizeSpace(run.parts.join(' ')) }));
}
