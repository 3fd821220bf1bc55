/**
 * A model's validation report for a person: the figures beside their baselines, the raters'
 * agreement (or why it cannot be computed), the verdict in words and the weights. Plain text for
 * the terminal, Markdown for a file or a pull request.
 */
import type { AgreementFigures, ModelFile } from './model-file.js';

export type ReportFormat = 'text' | 'markdown';

/** A check of a fixed model's predictions on other data (`candor model validate`). */
export interface FixedModelCheck {
  readonly figures: AgreementFigures | null;
  readonly reason?: string;
  /** Said above the figures: it is blind only if the people are new to the model. */
  readonly caveat: string;
}

interface Line {
  readonly label: string;
  readonly figures: AgreementFigures | null;
  readonly reason?: string;
}

const f2 = (v: number) => (Object.is(Math.round(v * 100), -0) ? '0.00' : v.toFixed(2));
const sig = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 0.001 ? v.toFixed(4) : v.toExponential(2));

function cells(f: AgreementFigures): string[] {
  return [f2(f.r), `[${f2(f.ci[0])}, ${f2(f.ci[1])}]`, f2(f.rho), f2(f.mae), String(f.n), String(f.people)];
}

const HEAD = ['', 'r', '95% CI', 'rho', 'MAE', 'n', 'people'];

function table(
  rows: readonly (readonly string[])[],
  format: ReportFormat,
  left: readonly number[] = [0],
): string[] {
  if (format === 'markdown') {
    const [head, ...body] = rows;
    return [
      `| ${head!.join(' | ')} |`,
      `| ${head!.map((_, i) => (left.includes(i) ? '---' : '---:')).join(' | ')} |`,
      ...body.map((r) => `| ${r.join(' | ')} |`),
    ];
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((c, i) => (left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}

function figureRows(lines: readonly Line[], format: ReportFormat): string[] {
  const rows = [
    HEAD,
    ...lines.map((l) => [l.label, ...(l.figures ? cells(l.figures) : ['—', '', '', '', '', ''])]),
  ];
  const out = table(rows, format);
  const reasons = lines.filter((l) => !l.figures && l.reason).map((l) => `${l.label}: ${l.reason}`);
  return [...out, ...reasons.map((r) => (format === 'markdown' ? `- ${r}` : `  ${r}`))];
}

function agreementLine(model: ModelFile): string {
  const a = model.validation.raterAgreement;
  if (!a) return "raters' agreement: not computed";
  const parts = [
    a.iccK === null ? null : `ICC(2,k) = ${f2(a.iccK)}`,
    a.alpha === null ? null : `Krippendorff's alpha = ${f2(a.alpha)}`,
  ].filter(Boolean);
  const figures = parts.length > 0 ? parts.join(', ') : 'cannot be computed';
  return `raters' agreement (the ceiling a model can reach): ${figures}${a.reason ? ` (${a.reason})` : ''}`;
}

function weightRows(model: ModelFile, format: ReportFormat): string[] {
  const sorted = [...model.features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return table(
    [
      ['feature', 'weight', 'mean', 'sd', 'direction'],
      ...sorted.map((f) => [f.signal, sig(f.weight), sig(f.mean), sig(f.sd), f.direction ?? '']),
    ],
    format,
    [0, 4],
  );
}

/**
 * @example renderModelReport(model, 'text')
 */
export function renderModelReport(model: ModelFile, format: ReportFormat, check?: FixedModelCheck): string {
  const md = format === 'markdown';
  const v = model.validation;
  const heading = (text: string) => (md ? [`### ${text}`, ''] : [text]);
  const out: string[] = [
    md ? `## ${model.name}` : model.name,
    '',
    `model ${model.id} version ${model.version}, target ${model.target}, scale ${model.scale.min}-${model.scale.max}`,
    `${model.method.kind}, alpha ${sig(model.method.alpha)}${model.method.kind === 'elastic-net' ? `, l1 ratio ${model.method.l1Ratio}` : ''}`,
    `trained on ${model.training.description}, ${model.training.raters} raters; source: ${model.training.source}`,
    `population: ${model.population}`,
    '',
  ];
  if (check) {
    out.push(...heading('This model, as it is, on the data given'), check.caveat, '');
    out.push(
      ...figureRows(
        [{ label: 'fixed model', figures: check.figures, ...(check.reason ? { reason: check.reason } : {}) }],
        format,
      ),
      '',
    );
    out.push(...heading('Its feature list, retrained and validated blind on the data given'));
  } else {
    out.push(...heading('Blind validation'));
  }
  out.push(v.method, '');
  const lines: Line[] = [
    { label: 'model, cross-validated', figures: v.crossValidated },
    v.holdout
      ? { label: 'model, holdout people', figures: v.holdout }
      : { label: 'model, holdout people', figures: null, reason: 'could not be computed (see notes)' },
    ...v.baselines.map((b) => ({
      label: b.name,
      figures: b.figures,
      ...(b.reason ? { reason: b.reason } : {}),
    })),
  ];
  out.push(...figureRows(lines, format), '');
  out.push(agreementLine(model), '');
  out.push(md ? `**Verdict: ${v.verdict}.**` : `Verdict: ${v.verdict}.`, '');
  out.push(...heading('Weights (change of the 0–1 prediction per standard deviation of the feature)'));
  out.push(...weightRows(model, format));
  if (v.notes && v.notes.length > 0) {
    out.push('', ...heading('Notes'), ...v.notes.map((n) => (md ? `- ${n}` : `  - ${n}`)));
  }
  out.push(
    '',
    `r: Pearson correlation with the raters' mean; rho: Spearman; MAE: mean absolute error on the ${model.scale.min}-${model.scale.max} scale. ` +
      'Intervals are 95% bootstrap intervals resampled by person.',
  );
  return out.join('\n') + '\n';
}
