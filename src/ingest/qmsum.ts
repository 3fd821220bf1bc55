/**
 * QMSum (Zhong et al., NAACL 2021; github.com/Yale-LILY/QMSum) keeps the AMI and ICSI corpus
 * annotations inside the text: `{vocalsound}`, `{disfmarker}`, `{gap}`, `{pause}`, `{comment}`,
 * `{nonvocalsound}`, and tokenises punctuation and clitics apart ("we 're on ."). Candor's text
 * analysers expect ordinary written text, so the markers go and the tokens are joined back.
 */

const MARKER = /\{[A-Za-z_]+\}/g;
const CLITIC = /(\w) (n't|'s|'re|'m|'ll|'ve|'d)(?=\W|$)/gi;
const SPACE_BEFORE_PUNCTUATION = / +([.,?!;:])(?=\s|$)/g;

/**
 * Removes QMSum's annotation markers and rejoins split punctuation and clitics.
 * @example cleanQmsumContent("Okay {vocalsound} we 're on .") // "Okay we're on."
 */
export function cleanQmsumContent(content: string): string {
  return content
    .replace(MARKER, ' ')
    .replace(/\s+/g, ' ')
    .replace(CLITIC, '$1$2')
    .replace(SPACE_BEFORE_PUNCTUATION, '$1')
    .trim();
}
