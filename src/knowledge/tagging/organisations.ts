import type { AnswerDocument, Token } from '../../analysis/language/text-document.js';

/** A capitalised name that looks like an organisation, with where it was first said. */
export interface OrganisationCandidate {
  /** As first written, e.g. "Acme Corp" or "HubSpot". */
  readonly name: string;
  /** Mentions anywhere in the conversation, sentence-initial ones included. */
  readonly mentions: number;
  /** Index into the documents given, and the sentence within that document, of the first mention. */
  readonly doc: number;
  readonly sentence: number;
  readonly charStart: number;
  readonly charEnd: number;
}

/** Legal-form suffixes that mark a company name. */
const SUFFIX = new Set([
  'inc', 'ltd', 'llc', 'llp', 'plc', 'corp', 'corporation', 'co', 'gmbh', 'ag', 'sa', 'sarl', 'bv',
  'nv', 'oy', 'ab', 'as', 'pty', 'srl', 'spa', 'kk', 'limited', 'incorporated',
]); // prettier-ignore
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'christmas', 'easter',
]); // prettier-ignore
/** Titles that make the next capitalised words a person's name ("Mr. Rota"). */
const HONORIFIC = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'madam',
  'hon',
  'mx',
]);
/** Words capitalised in speech transcripts that name nobody (the pronoun, interjections, greetings). */
const NOT_NAMES = new Set([
  'i',
  'okay',
  'ok',
  'yeah',
  'yes',
  'no',
  'oh',
  'um',
  'uh',
  'hmm',
  'mm',
  'hi',
  'hello',
  'god',
]);
/** Currencies are capitalised in some transcripts ("twelve Euros") and name no organisation. */
const CURRENCY = new Set(['euro', 'euros', 'dollar', 'dollars', 'pound', 'pounds', 'yen', 'franc', 'francs']);
/** Inner capital after a lower-case letter: "HubSpot", "LinkedIn", "iPhone", "PowerPoint". */
const CAMEL = /\p{Ll}\p{Lu}/u;
const CAPITALISED = /^\p{Lu}/u;
/** A name repeated this often, not only at the start of sentences, is worth a look. */
const MIN_REPEATS = 2;

interface Run {
  readonly doc: number;
  readonly sentence: number;
  readonly words: readonly Token[];
  readonly initial: boolean;
  /** Introduced or greeted as a person ("I'm David", "thanks, Sara", "my name is Ana"). */
  readonly person: boolean;
}

/** Words right before a name that make it a person's: introductions and greetings. */
const PERSON_CUE = new Set([
  "'m",
  '’m',
  "i'm",
  'am',
  'hi',
  'hey',
  'hello',
  'thanks',
  'dear',
  'called',
  'named',
]);

function personCue(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (tokens[j] as Token).text === ',') j--;
  const before = tokens[j];
  if (before === undefined) return false;
  if (PERSON_CUE.has(before.lower)) return true;
  const two = `${tokens[j - 1]?.lower ?? ''} ${before.lower}`;
  return two === 'name is' || two === "name 's" || two === 'thank you';
}

/**
 * Capitalised names that look like organisations, suggestions for a person to review. A run of
 * capitalised words counts when it ends with a legal form (Inc, Ltd, Corp, GmbH …), or has an inner
 * capital (CamelCase), or is said at least twice somewhere other than the start of a sentence.
 * Left out: the pronoun "I" and interjections, single letters, days, months, holidays and currencies, names after a title
 * ("Mr. Rota" is a person) or after an introduction or greeting ("I'm David", "thanks, Sara"), any run made of the speakers' own name words (`exclude`), names
 * already tracked (`exclude` too), and single words also said in lower case mid-sentence
 * ("Design" in a heading and "design" in talk is a common word). Places and people without a title
 * can still appear: these are suggestions, not facts.
 * @example findOrganisations(docs, new Set(['ana'])).map((o) => o.name) // ['Acme Corp']
 */
export function findOrganisations(
  docs: readonly AnswerDocument[],
  exclude: ReadonlySet<string>,
  isTracked: (name: string) => boolean,
): OrganisationCandidate[] {
  const lowerMidSentence = new Set<string>();
  const runs: Run[] = [];
  docs.forEach((doc, d) => {
    for (const sentence of doc.sentences) {
      const words = doc.tokens.slice(sentence.firstToken, sentence.lastToken + 1);
      collectRuns(words, d, sentence.index, runs, lowerMidSentence);
    }
  });

  const byName = new Map<string, { runs: Run[]; strong: boolean; inner: number; person: boolean }>();
  for (const run of runs) {
    // "Acme Corp." ending a sentence is the "Acme Corp" said elsewhere.
    const key = run.words.map((w) => w.lower.replace(/(?<=\p{L})\.$/u, '')).join(' ');
    const entry = byName.get(key) ?? { runs: [], strong: false, inner: 0, person: false };
    if (run.person) entry.person = true;
    entry.runs.push(run);
    if (!run.initial) entry.inner++;
    const last = run.words.at(-1) as Token;
    if (SUFFIX.has(last.lower.replace(/\.$/, '')) && run.words.length > 1) entry.strong = true;
    if (run.words.some((w) => CAMEL.test(w.text))) entry.strong = true;
    byName.set(key, entry);
  }

  const out: OrganisationCandidate[] = [];
  for (const [key, entry] of byName) {
    const words = key.split(' ');
    if (entry.person) continue;
    if (words.every((w) => exclude.has(w) || NOT_NAMES.has(w) || CALENDAR.has(w))) continue;
    if (words.length === 1 && lowerMidSentence.has(key) && !entry.strong) continue;
    if (!entry.strong && entry.inner < MIN_REPEATS) continue;
    const first = entry.runs[0] as Run;
    const doc = docs[first.doc] as AnswerDocument;
    const from = (first.words[0] as Token).start;
    const to = (first.words.at(-1) as Token).end;
    const name = doc.text.slice(from, to).replace(/(?<=\p{L})\.$/u, '');
    if (isTracked(name)) continue;
    out.push({
      name,
      mentions: entry.runs.length,
      doc: first.doc,
      sentence: first.sentence,
      charStart: from,
      charEnd: to,
    });
  }
  return out;
}

/**
 * A capitalised word that can be part of a name: two letters at least (AMI spells acronyms
 * "D_V_D_", which splits into single letters), no day, month or currency, no "I'm", "I'll".
 */
function namePart(lower: string): boolean {
  if (lower.replace(/[^\p{L}]/gu, '').length < 2 || /^i['’]/.test(lower)) return false;
  return !CALENDAR.has(lower) && !CURRENCY.has(lower);
}

function collectRuns(
  tokens: readonly Token[],
  doc: number,
  sentence: number,
  runs: Run[],
  lowerMidSentence: Set<string>,
): void {
  let current: Token[] = [];
  let currentInitial = false;
  let currentPerson = false;
  let seenWord = false;
  let afterHonorific = false;
  const flush = (): void => {
    if (current.length > 0 && !afterHonorific)
      runs.push({ doc, sentence, words: current, initial: currentInitial, person: currentPerson });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord) {
      // "Acme Corp." and "Mr. Rota": a full stop after a suffix or title stays inside the name.
      if (t.text === '.' && (current.length > 0 || afterHonorific)) continue;
      if (t.text === '&' && current.length > 0) continue;
      flush();
      afterHonorific = false;
      continue;
    }
    const capital = CAPITALISED.test(t.text) || CAMEL.test(t.text);
    // A run does not start with a capitalised stop word: "The Northwind team" is "Northwind".
    const opener = current.length === 0 && (NOT_NAMES.has(t.lower) || t.stop);
    if (capital && namePart(t.lower) && !opener) {
      if (current.length === 0) {
        currentInitial = !seenWord;
        currentPerson = personCue(tokens, i);
      }
      if (HONORIFIC.has(t.lower.replace(/\.$/, ''))) {
        flush();
        afterHonorific = true;
      } else current.push(t);
    } else {
      flush();
      afterHonorific = false;
      if (seenWord && !capital) lowerMidSentence.add(t.lower);
    }
    seenWord = true;
  }
  flush();
}
