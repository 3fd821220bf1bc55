/**
 * A job's ranking as a CSV file for a spreadsheet: one row per candidate, the competency scores as
 * columns. Cells a spreadsheet would run as a formula are prefixed with `'` (OWASP, "CSV
 * Injection"): a candidate's name comes from outside and must not become a formula.
 */
import type { RankRow } from './ranking-rows.js';

const FIXED_COLUMNS = [
  'rank',
  'candidate',
  'stage',
  'status',
  'overall_score',
  'confidence',
  'strengths',
  'gaps',
] as const;

/** A field quoted when it holds a comma, quote or line break; formula starters neutralised. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A score rounded for people (one decimal), as the web app shows it. */
const rounded = (score: number | null) => (score === null ? null : Math.round(score * 10) / 10);

/**
 * The CSV text (CRLF line ends, RFC 4180) of ranking rows, competencies in the order first seen.
 * @example rankingCsv(rows).split('\r\n')[0] // 'rank,candidate,stage,status,overall_score,…'
 */
export function rankingCsv(rows: readonly RankRow[]): string {
  const competencies = new Map<string, string>();
  for (const row of rows) for (const c of row.competencies) competencies.set(c.id, c.name);
  const header = [...FIXED_COLUMNS, ...[...competencies.values()]].map(csvField).join(',');
  const lines = rows.map((row) => {
    const scores = new Map(row.competencies.map((c) => [c.id, c.score]));
    return [
      row.rank,
      row.candidateName,
      row.displayStage,
      row.status,
      rounded(row.overallScore),
      row.confidence === null ? null : Math.round(row.confidence * 100) / 100,
      row.strengths.join('; '),
      row.gaps.join('; '),
      ...[...competencies.keys()].map((id) => rounded(scores.get(id) ?? null)),
    ]
      .map(csvField)
      .join(',');
  });
  return [header, ...lines].join('\r\n') + '\r\n';
}

/**
 * A file name for a job's ranking: the title's letters and digits, dashes between.
 * @example rankingFileName('SDR — Berlin') // 'sdr-berlin-ranking.csv'
 */
export function rankingFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'job'}-ranking.csv`;
}
