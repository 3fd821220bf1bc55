import type { AgreementFigures } from '../../api';

/** Words for the figures of a model's validation, shared by the model pages and the scorecard panel. */

/** A feature id as words: `fillerWordsPer100` → `filler words per 100`. */
export function featureName(signal: string): string {
  const words = signal
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A correlation or error with two decimals, the minus sign a real one. */
export function figure(value: number | undefined): string {
  if (value === undefined) return '—';
  const text = value.toFixed(2);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** `0.37 (95% CI 0.19 to 0.53)` */
export function rWithInterval(f: Pick<AgreementFigures, 'r' | 'ci'>): string {
  return `${figure(f.r)} (95% CI ${figure(f.ci[0])} to ${figure(f.ci[1])})`;
}

/** What "passes" / "does not pass" means, in a sentence to follow the word itself. */
export function verdictWords(passes: boolean, threshold: number): string {
  return passes
    ? `It agreed with raters at r ≥ ${threshold} on people it never saw.`
    : `It does not reach r ≥ ${threshold} against raters on people it never saw: read its predictions as a rough indication, beside the framework's scores.`;
}
