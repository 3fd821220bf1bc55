import type { AuditRate, AuditReport } from '../../api';

/**
 * The audit as files, built in the browser from `GET /audit`'s JSON (the route has no format
 * parameter). The CSV has the columns of `candor audit --format csv` (src/audit/render-report.ts).
 */

const COLUMNS = [
  'category',
  'group',
  'label',
  'excluded',
  'count',
  'selected',
  'selection_rate',
  'selection_impact_ratio',
  'selection_below_four_fifths',
  'selection_test',
  'selection_p',
  'scored',
  'above_median',
  'scoring_rate',
  'scoring_impact_ratio',
  'scoring_below_four_fifths',
  'scoring_test',
  'scoring_p',
  'mean_score',
  'standardised_mean_difference',
  'flagged',
] as const;

type Field = string | number | boolean | null;

const csvField = (v: Field) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** One row per category and group (excluded groups too, marked); numbers unrounded. */
export function auditCsv(r: AuditReport): string {
  const lines = [COLUMNS.join(',')];
  const rate = (x: AuditRate): Field[] => [x.rate, x.impactRatio, x.belowFourFifths, x.test, x.p];
  for (const c of r.categories) {
    for (const g of c.groups) {
      const row: Field[] = [
        c.category,
        g.group,
        g.label,
        false,
        g.count,
        g.selected,
        ...rate(g.selection),
        g.scored,
        g.aboveMedian,
        ...rate(g.scoring),
        g.meanScore,
        g.standardisedMeanDifference,
        c.flagged.includes(g.group),
      ];
      lines.push(row.map(csvField).join(','));
    }
    for (const e of c.excluded) {
      const blank = Array<null>(COLUMNS.length - 6).fill(null);
      lines.push([c.category, e.group, e.label, true, e.count, null, ...blank].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** `candor-audit-2025-03-31` (the audit's date), with the job id when the audit is of one job. */
export function auditFileName(r: AuditReport, extension: 'csv' | 'json'): string {
  const job = r.scope.job === null ? '' : `-${r.scope.job.id}`;
  return `candor-audit${job}-${r.auditDate.slice(0, 10)}.${extension}`;
}

/** Saves `text` as a file through a temporary object URL. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
