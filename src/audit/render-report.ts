/**
 * The audit as Markdown, HTML and CSV. Markdown and HTML follow the summary NYC employers publish
 * under Local Law 144 (6 RCNY § 5-303): the tool, the audit date, the data's source and dates, the
 * counts (total, unknown), then per category the selection and scoring rates and impact ratios.
 */
import type { CategoryAudit, GroupRow, RateComparison } from './adverse-impact.js';
import type { AuditReport, CategoryGap } from './audit-report.js';

export const AUDIT_FORMATS = ['md', 'html', 'json', 'csv'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const ratio = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
const num = (v: number | null, digits = 2) => (v === null ? 'n/a' : v.toFixed(digits));
const day = (iso: string | null) => (iso === null ? 'n/a' : iso.slice(0, 10));

function significance(r: RateComparison): string {
  if (r.p === null) return '—';
  const test = r.test === 'fisher-exact' ? 'Fisher' : 'z';
  return `${test} p=${r.p < 0.001 ? r.p.toExponential(1) : r.p.toFixed(3)}${r.significant ? ' *' : ''}`;
}

function flag(r: RateComparison): string {
  if (!r.belowFourFifths) return '';
  return r.significant ? ' ⚠ below 4/5, significant' : ' (below 4/5, not significant)';
}

const HEADERS = [
  'Group',
  'Applicants',
  'Selected',
  'Selection rate',
  'Impact ratio (selection)',
  'Significance (selection)',
  'Scored',
  'Above median',
  'Scoring rate',
  'Impact ratio (scoring)',
  'Significance (scoring)',
  'Mean score',
  "Std. mean difference (Cohen's d)",
];

function cells(g: GroupRow): string[] {
  return [
    g.label,
    String(g.count),
    String(g.selected),
    pct(g.selection.rate),
    ratio(g.selection.impactRatio) + flag(g.selection),
    significance(g.selection),
    String(g.scored),
    String(g.aboveMedian),
    pct(g.scoring.rate),
    ratio(g.scoring.impactRatio) + flag(g.scoring),
    significance(g.scoring),
    num(g.meanScore, 1),
    num(g.standardisedMeanDifference),
  ];
}

function summaryLines(r: AuditReport): string[] {
  const job = r.scope.job === null ? 'all jobs' : `${r.scope.job.title} (${r.scope.job.id})`;
  const period =
    r.scope.from === null && r.scope.to === null
      ? 'of any date'
      : `dated ${day(r.scope.from) === 'n/a' ? 'the start' : day(r.scope.from)} to ${day(r.scope.to) === 'n/a' ? 'now' : day(r.scope.to)}`;
  const frameworks = r.tool.frameworks.length === 0 ? 'none in the data' : r.tool.frameworks.join(', ');
  const engines = r.tool.engines.length === 0 ? 'none in the data' : r.tool.engines.join(', ');
  return [
    `Tool: ${r.tool.name} ${r.tool.version}, interview scoring; frameworks used: ${frameworks}; scorecards written by Candor ${engines}`,
    `Audit date: ${day(r.auditDate)}`,
    `Data: Candor's own records for ${job}, applications ${period} (first ${day(r.scope.firstApplication)}, last ${day(r.scope.lastApplication)}); one row per application`,
    `Selection: a person recorded a decision to advance. Scoring: the overall score of the newest scorecard is above the median of everyone audited (${num(r.medianScore, 1)})`,
    `Applications audited: ${r.total}; with a score: ${r.scored}; advanced: ${r.advanced}`,
    `Without any demographic record (not in any impact ratio): ${r.unknownDemographics}`,
  ];
}

function categoryNotes(c: CategoryAudit): string[] {
  const lines = [`Unknown or declined ${c.title.toLowerCase()} (not in the impact ratios): ${c.unknown}`];
  if (c.excluded.length > 0) {
    const list = c.excluded.map((e) => `${e.label} (${e.count}, ${pct(e.share)})`).join('; ');
    lines.push(`Excluded from impact ratios as under 2% of the category: ${list}`);
  }
  if (c.flagged.length > 0) {
    lines.push(
      `Adverse impact indicated (under four-fifths and significant at 0.05): ${c.flagged.join(', ')}`,
    );
  }
  return [...lines, ...c.notes];
}

/** Features shown per flagged group in Markdown and HTML (JSON has them all). */
export const GAP_FEATURES_SHOWN = 10;

const GAP_INTRO =
  "For each flagged group, the features whose mean contribution to the score differs most from the reference group's. " +
  'It shows what the scores are made of, not why: a feature can differ because the answers differ, or because it measures one group differently.';

function gapHeading(g: CategoryGap): string {
  return `${g.title}: ${g.groupLabel} vs ${g.referenceLabel} (reference)`;
}

function gapLines(g: CategoryGap): string[] {
  const unit =
    g.source === 'model'
      ? "the trained model's contributions, in points of its 0–100 prediction"
      : g.source === 'framework'
        ? "the framework's signal contributions, in points of each competency's 0–100 score"
        : 'none';
  return [
    `Contributions: ${unit}; scorecards: ${g.flaggedCount} of ${g.groupLabel}, ${g.referenceCount} of ${g.referenceLabel}`,
    ...(g.features.length > GAP_FEATURES_SHOWN
      ? [`The ${GAP_FEATURES_SHOWN} largest differences of ${g.features.length} features are shown.`]
      : []),
    ...g.notes,
  ];
}

function gapRows(g: CategoryGap): string[][] {
  const signed = (v: number) => (v > 0 ? '+' : '') + (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
  return [
    ['Feature', `Mean, ${g.groupLabel}`, `Mean, ${g.referenceLabel}`, 'Difference'],
    ...g.features
      .slice(0, GAP_FEATURES_SHOWN)
      .map((f) => [f.feature, f.flaggedMean.toFixed(2), f.referenceMean.toFixed(2), signed(f.difference)]),
  ];
}

function gapMarkdown(r: AuditReport, escape: (s: string) => string): string[] {
  if (r.gaps === undefined || r.gaps.length === 0) return [];
  const out = ['', '## What drives the gap', '', GAP_INTRO];
  for (const g of r.gaps) {
    out.push('', `### ${gapHeading(g)}`, '', ...gapLines(g).map((l) => `- ${l}`));
    if (g.features.length > 0) {
      const [head, ...body] = gapRows(g);
      out.push('', `| ${head!.map(escape).join(' | ')} |`, '|---|---:|---:|---:|');
      out.push(...body.map((row) => `| ${row.map(escape).join(' | ')} |`));
    }
  }
  return out;
}

/** @example renderAuditMarkdown(report).startsWith('# Bias audit summary') */
export function renderAuditMarkdown(r: AuditReport): string {
  const escape = (s: string) => s.replaceAll('|', '\\|');
  const out = ['# Bias audit summary', '', ...summaryLines(r).map((l) => `- ${l}`)];
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `> ${n}`));
  for (const c of r.categories) {
    out.push('', `## ${c.title}`, '');
    if (c.groups.length > 0) {
      out.push(`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`);
      for (const g of c.groups) out.push(`| ${cells(g).map(escape).join(' | ')} |`);
      out.push('');
    }
    out.push(...categoryNotes(c).map((l) => `- ${l}`));
  }
  out.push(
    '',
    "Impact ratio: a group's rate over the highest group's (29 CFR 1607.4(D); 6 RCNY § 5-301). Significance against the highest group: Fisher's exact test when an expected count is under 5, else a two-proportion z-test; * p < 0.05.",
  );
  out.push(...gapMarkdown(r, escape));
  return out.join('\n') + '\n';
}

const html = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A self-contained HTML page of the same summary. */
export function renderAuditHtml(r: AuditReport): string {
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Bias audit summary</title>',
    '<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}.flag{color:#a00;font-weight:600}</style>',
    '</head><body>',
    '<h1>Bias audit summary</h1>',
    '<ul>',
    ...summaryLines(r).map((l) => `<li>${html(l)}</li>`),
    '</ul>',
    ...r.notes.map((n) => `<p><strong>${html(n)}</strong></p>`),
  ];
  for (const c of r.categories) {
    out.push(`<h2>${html(c.title)}</h2>`);
    if (c.groups.length > 0) {
      out.push('<table>', `<tr>${HEADERS.map((h) => `<th>${html(h)}</th>`).join('')}</tr>`);
      for (const g of c.groups) {
        const cls = c.flagged.includes(g.group) ? ' class="flag"' : '';
        out.push(
          `<tr${cls}>${cells(g)
            .map((v) => `<td>${html(v)}</td>`)
            .join('')}</tr>`,
        );
      }
      out.push('</table>');
    }
    out.push('<ul>', ...categoryNotes(c).map((l) => `<li>${html(l)}</li>`), '</ul>');
  }
  if (r.gaps !== undefined && r.gaps.length > 0) {
    out.push('<h2>What drives the gap</h2>', `<p>${html(GAP_INTRO)}</p>`);
    for (const g of r.gaps) {
      out.push(
        `<h3>${html(gapHeading(g))}</h3>`,
        '<ul>',
        ...gapLines(g).map((l) => `<li>${html(l)}</li>`),
        '</ul>',
      );
      if (g.features.length > 0) {
        const [head, ...body] = gapRows(g);
        out.push('<table>', `<tr>${head!.map((h) => `<th>${html(h)}</th>`).join('')}</tr>`);
        out.push(...body.map((row) => `<tr>${row.map((v) => `<td>${html(v)}</td>`).join('')}</tr>`));
        out.push('</table>');
      }
    }
  }
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

const CSV_COLUMNS = [
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

const csvField = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** One row per category and group (excluded groups too, marked); numbers unrounded. */
export function renderAuditCsv(r: AuditReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of r.categories) {
    for (const g of c.groups) {
      const rate = (x: RateComparison) => [x.rate, x.impactRatio, x.belowFourFifths, x.test, x.p];
      lines.push(
        [
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
        ]
          .map(csvField)
          .join(','),
      );
    }
    for (const e of c.excluded) {
      const blank = Array<null>(CSV_COLUMNS.length - 6).fill(null);
      lines.push([c.category, e.group, e.label, true, e.count, null, ...blank].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** The report in the chosen format. */
export function renderAudit(r: AuditReport, format: AuditFormat): string {
  switch (format) {
    case 'md':
      return renderAuditMarkdown(r);
    case 'html':
      return renderAuditHtml(r);
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'csv':
      return renderAuditCsv(r);
  }
}
