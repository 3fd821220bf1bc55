/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, from the Levenshtein
 * alignment of normalised words (NIST sclite's definition; Jurafsky & Martin, SLP3 §16.5).
 */
export interface WordErrorRate {
  readonly rate: number;
  readonly errors: number;
  readonly substitutions: number;
  readonly deletions: number;
  readonly insertions: number;
  readonly referenceWords: number;
}

const ONES =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = ' ten twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** English words for 0–999; longer digit strings are read digit by digit, as phone numbers are. */
function numberWords(digits: string): string {
  const n = Number(digits);
  if (digits.length > 3 || (digits.length > 1 && digits.startsWith('0'))) {
    return [...digits].map((d) => ONES[Number(d)]).join(' ');
  }
  if (n < 20) return ONES[n]!;
  if (n < 100) return `${TENS[Math.floor(n / 10)]!}${n % 10 ? ` ${ONES[n % 10]!}` : ''}`;
  return `${ONES[Math.floor(n / 100)]!} hundred${n % 100 ? ` ${numberWords(String(n % 100))}` : ''}`;
}

/** Spellings a recogniser's dictionary and a human transcriber write differently for one word. */
const SAME_WORD: Readonly<Record<string, string>> = { mister: 'mr', missus: 'mrs', doctor: 'dr', okay: 'ok' };

/**
 * Lower-case words with punctuation dropped, digits spelled out ("press 1" → "press one", "#" →
 * "pound"), hyphens split, pocketsphinx's alternate-pronunciation marks removed ("the(2)" → "the").
 * @example normaliseWords('Ask not, my fellow-Americans!') // ['ask', 'not', 'my', 'fellow', 'americans']
 */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\(\d+\)/g, '')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1') // "p.m." → "pm"
    .replace(/#/g, ' pound ')
    .replace(/\*/g, ' star ')
    .replace(/\d+/g, (d) => ` ${numberWords(d)} `)
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0)
    .map((w) => SAME_WORD[w] ?? w);
}

/**
 * Word error rate of `hypothesis` against `reference`, both normalised with `normaliseWords`.
 * An empty reference gives rate 0 for an empty hypothesis and Infinity otherwise.
 * @example wordErrorRate('ask not what your country', 'ask what your county').rate // 0.4
 */
export function wordErrorRate(reference: string, hypothesis: string): WordErrorRate {
  const ref = normaliseWords(reference);
  const hyp = normaliseWords(hypothesis);
  // cost[i][j]: edits turning ref[0..i) into hyp[0..j); kept whole for the backtrace that splits
  // the errors into S/D/I (the clips measured are sentences, so the table is small).
  const cost: number[][] = [Array.from({ length: hyp.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    const above = cost[i - 1]!;
    for (let j = 1; j <= hyp.length; j++) {
      const same = ref[i - 1] === hyp[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + same);
    }
    cost.push(row);
  }
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  for (let i = ref.length, j = hyp.length; i > 0 || j > 0;) {
    const here = cost[i]![j]!;
    if (i > 0 && j > 0 && here === cost[i - 1]![j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) {
      if (ref[i - 1] !== hyp[j - 1]) substitutions++;
      i--;
      j--;
    } else if (i > 0 && here === cost[i - 1]![j]! + 1) {
      deletions++;
      i--;
    } else {
      insertions++;
      j--;
    }
  }
  const errors = substitutions + deletions + insertions;
  const rate = ref.length === 0 ? (errors === 0 ? 0 : Infinity) : errors / ref.length;
  return { rate, errors, substitutions, deletions, insertions, referenceWords: ref.length };
}

/**
 * For each hypothesis word, whether the minimum-edit alignment against `reference` matches it to
 * the same reference word (true) or makes it a substitution or insertion (false): the label a word
 * confidence is judged against. A hypothesis word that normalises to several words ("2nd") is
 * correct only when all of them are.
 * @example alignedCorrect('ask not what your country', ['ask', 'what', 'your', 'county']) // [true, true, true, false]
 */
export function alignedCorrect(reference: string, hypothesis: readonly string[]): boolean[] {
  const ref = normaliseWords(reference);
  const hyp: string[] = [];
  const owner: number[] = [];
  hypothesis.forEach((word, index) => {
    for (const w of normaliseWords(word)) {
      hyp.push(w);
      owner.push(index);
    }
  });
  const cost: number[][] = [Array.from({ length: hyp.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    const above = cost[i - 1]!;
    for (let j = 1; j <= hyp.length; j++) {
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    }
    cost.push(row);
  }
  const correct = hypothesis.map((word) => normaliseWords(word).length > 0);
  for (let i = ref.length, j = hyp.length; j > 0;) {
    const here = cost[i]![j]!;
    const same = i > 0 && ref[i - 1] === hyp[j - 1];
    if (i > 0 && here === cost[i - 1]![j - 1]! + (same ? 0 : 1)) {
      if (!same) correct[owner[j - 1]!] = false;
      i--;
      j--;
    } else if (i > 0 && here === cost[i - 1]![j]! + 1) {
      i--;
    } else {
      correct[owner[j - 1]!] = false;
      j--;
    }
  }
  return correct;
}
