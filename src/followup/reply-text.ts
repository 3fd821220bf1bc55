/**
 * A reply's text made ready for the classifier: quoted history, greeting and signature stripped
 * (e-mail), then words and the features the trained models read.
 */

const QUOTE_HEADER = /^(on .{3,200} wrote:|-{2,}\s*original message\s*-{2,}|from:\s.+|sent:\s.+)$/i;
const SIGNATURE_START =
  /^(--\s*|_{3,}|sent from my .+|get outlook for .+|(best|kind|warm)?\s*regards,?|best( wishes)?,?|cheers,|thanks( again)?,|thank you,|many thanks,|sincerely,?|yours( truly| sincerely)?,?)$/i;
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^\n.!?]{0,40}[,!:]?\s*$/i;
const GREETING_INLINE = /^(hi|hello|hey|dear)\s+[a-z][\w'-]*(\s+[a-z][\w'-]*)?\s*[,!:-]\s*/i;

/**
 * The candidate's own words: quoted lines (`>`), anything after "On … wrote:", a greeting line and
 * a signature block are removed. A single line is returned unchanged apart from trimming, so that
 * "Thanks!" stays "Thanks!".
 * @example replyBody('Hi Sam,\n\nYes, confirmed.\n\nBest,\nAna') // 'Yes, confirmed.'
 */
export function replyBody(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (QUOTE_HEADER.test(line)) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  while (kept.length > 0 && kept[0] === '') kept.shift();
  if (kept.length > 1) {
    const signature = kept.findIndex((line, i) => i > 0 && SIGNATURE_START.test(line));
    if (signature > 0) kept.length = signature;
    if (kept.length > 1 && GREETING.test(kept[0]!)) kept.shift();
  }
  let body = kept.join(' ').replace(/\s+/g, ' ').trim();
  // "Hi Sam, yes that works": the greeting on the same line as the answer.
  const inline = GREETING_INLINE.exec(body);
  if (inline && inline[0].length < body.length) body = body.slice(inline[0].length);
  return body;
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Lower-case words and numbers, apostrophes kept inside words ("i've", "don't"). */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? [];
}

/**
 * The sparse features both trained models read: each word, each pair of neighbouring words
 * (`a_b`), and a start marker on the first word (`^a`), present or absent (binary).
 * @example textFeatures('any update?') // ['any', 'update', 'any_update', '^any']
 */
export function textFeatures(text: string): string[] {
  const w = words(text);
  const features = new Set<string>(w);
  for (let i = 1; i < w.length; i++) features.add(`${w[i - 1]}_${w[i]}`);
  if (w.length > 0) features.add(`^${w[0]}`);
  return [...features];
}
