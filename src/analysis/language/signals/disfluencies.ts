import type { AnswerDocument, Token } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { isFillerSound } from './fillers.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { isBreak, isPause, norm, windowEvidence } from './token-context.js';

/**
 * Disfluencies after Shriberg (1994), "Preliminaries to a theory of speech disfluencies":
 * a reparandum, an interruption point, an optional editing term, a repair.
 * - repetition: the same 1–3 words said twice in a row, with only a pause, dash or filler between
 *   ("I I think", "the the", "in the — in the"); words that double grammatically ("that that",
 *   "had had") or for emphasis ("very very", "no no") are not counted;
 * - false start: a word cut by a hyphen ("sta- started"), or a break (dash, ellipsis) after a
 *   dangling function word or followed by a restart of the words before it ("we were — we
 *   decided", "and um — oh I have to"), or a comma plus editing term before a restart
 *   ("I went, I mean I drove").
 */

export type DisfluencyKind = 'repetition' | 'false start';

export interface DisfluencyHit {
  readonly firstToken: number;
  readonly lastToken: number;
  readonly label: DisfluencyKind;
}

/** Words said twice on purpose or by grammar: "that that is true", "had had", "very very", "no no". */
const INTENTIONAL_DOUBLES = new Set([
  'that',
  'had',
  'very',
  'really',
  'so',
  'no',
  'yes',
  'yeah',
  'bye',
  'ha',
  'ok',
  'okay',
  'well',
  'many',
  'much',
  'more',
]);
/** Last words a finished phrase cannot end on: a break after them abandons the phrase. */
const DANGLING_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
const DANGLING_WORDS = new Set([
  'i',
  "i'm",
  'we',
  'they',
  'he',
  'she',
  'you',
  'my',
  'our',
  'their',
  'his',
  'your',
  'so',
  'and',
  'but',
  'because',
  'well',
  'then',
  'if',
  'when',
  'to',
]);
/** Editing terms of a repair (Levelt 1983, "Monitoring and self-repair in speech"). */
const editingTerms = new PhraseMatcher([
  'i mean',
  'sorry',
  'or rather',
  'rather',
  'i should say',
  'let me rephrase',
  'no',
]);
const END = new Set(['.', '?', '!']);
const RESTART_REACH = 3;

/**
 * Every repetition and false start, in text order.
 * @example findDisfluencies(docFromText('I I think so.')) // [{ firstToken: 0, lastToken: 1, label: 'repetition' }]
 */
export function findDisfluencies(doc: AnswerDocument): DisfluencyHit[] {
  const tokens = doc.tokens;
  // Words as spoken, without filler sounds ("the um the" is still a repetition).
  const seq: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'word' && !isFillerSound(doc, i)) seq.push(i);
  }
  const hits: DisfluencyHit[] = [];
  const covered = new Uint8Array(tokens.length);
  findRepetitions(doc, seq, hits, covered);
  findFalseStarts(doc, hits, covered);
  return hits.sort((a, b) => a.firstToken - b.firstToken);
}

function findRepetitions(
  doc: AnswerDocument,
  seq: readonly number[],
  hits: DisfluencyHit[],
  covered: Uint8Array,
): void {
  const tokens = doc.tokens;
  const word = (k: number): string => norm(tokens[seq[k] as number] as Token);
  for (let k = 0; k < seq.length; k++) {
    for (let n = 3; n >= 1; n--) {
      if (k + 2 * n > seq.length) continue;
      let same = true;
      for (let m = 0; m < n && same; m++) same = word(k + m) === word(k + n + m);
      if (!same || (n === 1 && INTENTIONAL_DOUBLES.has(word(k)))) continue;
      const first = seq[k] as number;
      const last = seq[k + 2 * n - 1] as number;
      if (!onlyWordsAndPauses(doc, first, last)) continue;
      hits.push({ firstToken: first, lastToken: last, label: 'repetition' });
      covered.fill(1, first, last + 1);
      k += n - 1;
      break;
    }
  }
}

/** Tokens `first`..`last` are words, fillers and pause marks in one sentence: no full stop between. */
function onlyWordsAndPauses(doc: AnswerDocument, first: number, last: number): boolean {
  const s = doc.tokens[first]?.sentence;
  for (let i = first; i <= last; i++) {
    const t = doc.tokens[i] as Token;
    if (t.sentence !== s) return false;
    if (t.type !== 'word' && !isPause(t)) return false;
  }
  return true;
}

function findFalseStarts(doc: AnswerDocument, hits: DisfluencyHit[], covered: Uint8Array): void {
  const tokens = doc.tokens;
  const edits = new Map<number, number>();
  for (const m of editingTerms.match(doc)) edits.set(m.firstToken, m.lastToken);
  for (let p = 0; p < tokens.length; p++) {
    const t = tokens[p] as Token;
    if (t.type !== 'punctuation' || covered[p] === 1) continue;
    const cut = cutWord(doc, p);
    if (cut !== null) {
      hits.push({ firstToken: cut[0], lastToken: cut[1], label: 'false start' });
      continue;
    }
    const isComma = t.text === ',';
    if (!isComma && !isBreak(t)) continue;
    // A hyphen glued to a word joins a compound ("well-known", "pre- and post-"): not a break.
    if (t.text === '-' && (tokens[p - 1]?.end === t.start || tokens[p + 1]?.start === t.end)) continue;
    const before = wordsBefore(doc, p);
    const lastBefore = before[0];
    if (lastBefore === undefined) continue;
    let q = p + 1;
    let edited = false;
    const editEnd = edits.get(nextWordIndex(doc, q) ?? -1);
    if (editEnd !== undefined) {
      edited = true;
      q = editEnd + 1;
    }
    const after = nextWordIndex(doc, q);
    if (after === undefined) continue;
    const restartAt = before.find((b) => norm(tokens[b] as Token) === norm(tokens[after] as Token));
    const prev = tokens[lastBefore] as Token;
    const dangling = DANGLING_POS.has(prev.pos) || DANGLING_WORDS.has(norm(prev));
    const falseStart = isComma
      ? restartAt !== undefined && (dangling || edited)
      : restartAt !== undefined || dangling || edited;
    if (!falseStart) continue;
    const first = restartAt ?? before[before.length - 1] ?? lastBefore;
    hits.push({ firstToken: first, lastToken: after, label: 'false start' });
    covered.fill(1, first, after + 1);
  }
}

/** "sta- started": a hyphen glued to a word and followed by a space and another word. */
function cutWord(doc: AnswerDocument, p: number): [number, number] | null {
  const dash = doc.tokens[p] as Token;
  if (dash.text !== '-') return null;
  const word = doc.tokens[p - 1];
  const next = doc.tokens[p + 1];
  if (word?.type !== 'word' || next?.type !== 'word' || word.end !== dash.start || next.start === dash.end)
    return null;
  // "pre- and post-launch" is a suspended hyphen, not a cut word.
  if (isFillerSound(doc, p - 1) || next.lower === 'and' || next.lower === 'or') return null;
  return [p - 1, p + 1];
}

/** Up to three words before `p` (nearest first), skipping filler sounds, stopping at a full stop. */
function wordsBefore(doc: AnswerDocument, p: number): number[] {
  const out: number[] = [];
  for (let j = p - 1; j >= 0 && out.length < RESTART_REACH; j--) {
    const t = doc.tokens[j] as Token;
    if (t.type === 'punctuation' && (END.has(t.text) || (out.length > 0 && isPause(t)))) break;
    if (t.type === 'word' && !isFillerSound(doc, j)) out.push(j);
  }
  return out;
}

/** The first word at or after `q`, skipping filler sounds and pause marks, before any full stop. */
function nextWordIndex(doc: AnswerDocument, q: number): number | undefined {
  for (let j = q; j < doc.tokens.length; j++) {
    const t = doc.tokens[j] as Token;
    if (t.type === 'punctuation' && END.has(t.text)) return undefined;
    if (t.type === 'word' && !isFillerSound(doc, j)) return j;
    if (t.type !== 'word' && !isPause(t)) return undefined;
  }
  return undefined;
}

export const disfluenciesPer100: LanguageSignal = {
  definition: {
    id: 'disfluenciesPer100',
    name: 'Disfluencies',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Counts repetitions (the same one to three words twice in a row: "I I think", "the the") and false starts (a hyphen-cut word "sta- started", or a phrase broken off at a dash, ellipsis or "I mean" and restarted: "we were — we decided") per 100 words.',
    source: 'Shriberg 1994 (reparandum, interruption point, repair); Levelt 1983 (editing terms)',
  },
  compute(doc) {
    const hits = findDisfluencies(doc);
    const value = per100(hits.length, doc.wordCount);
    return {
      signal: 'disfluenciesPer100',
      value,
      evidence: hits
        .slice(0, MAX_EVIDENCE)
        .map((h) => windowEvidence(doc, h.firstToken, h.lastToken, h.label, 1)),
      ...(value === null ? { reason: 'empty answer' } : {}),
    };
  },
};
