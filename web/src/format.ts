/** Formatting shared by the pages: scores, shares, times and dates, always in words a person reads. */

/** A 0–100 score as a whole number, or a dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : String(Math.round(score));
}

/** A 0–1 share as a percentage, e.g. `0.734` → `73%`. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** Seconds as `m:ss` or `h:mm:ss`, e.g. `83.4` → `1:23`. */
export function formatClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp as a date, e.g. `12 May 2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** An ISO timestamp as a date and time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** A measured value with its unit, rounded for reading: `7.14 per 100 words` → `7.1 per 100 words`. */
export function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return 'not measured';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const text = Number(value.toFixed(digits)).toString();
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** A target range as words: `3–8`, `at most 3`, `at least 0.5`. */
export function formatRange(range: { min?: number; max?: number }, unit = ''): string {
  const suffix = unit ? (unit === '%' ? '%' : ` ${unit}`) : '';
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${formatValue(min)}–${formatValue(max)}${suffix}`;
  if (max !== undefined) return `at most ${formatValue(max)}${suffix}`;
  if (min !== undefined) return `at least ${formatValue(min)}${suffix}`;
  return 'any';
}

/** A pipeline stage in words: `on_hold` → `On hold`. */
export function formatStage(stage: string): string {
  const words = stage.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A byte count for people: `1.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
