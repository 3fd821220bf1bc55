import type { CompetencyResult, Scorecard } from '../assessment/index.js';
import type { ScorecardMeasurement, ScorecardModel } from '../domain/index.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  bad(s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, good: (s) => s, bad: (s) => s };
const ansi: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  good: (s) => `\x1b[32m${s}\x1b[39m`,
  bad: (s) => `\x1b[31m${s}\x1b[39m`,
};

/** ANSI styling only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function styleFor(stream: NodeJS.WriteStream): Style {
  return stream.isTTY && !process.env.NO_COLOR ? ansi : plain;
}

/** A 20-cell bar for a 0–100 score. */
export function bar(score: number | null, width = 20): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function formatTime(seconds: number | null): string {
  if (seconds === null) return '';
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The scorecard as a person reads it in a terminal: overall fit, each competency with its bar,
 * the signals behind it, a quote or two with times, and the feedback.
 * @example process.stdout.write(renderScorecard(scorecard, styleFor(process.stdout)))
 */
export function renderScorecard(card: Scorecard, style: Style = plain): string {
  const out: string[] = [];
  const who = card.input.candidate ?? card.input.file ?? 'answer';
  out.push(style.bold(`Candor scorecard — ${who}`));
  const meta = [
    `${card.input.responses} answer${card.input.responses === 1 ? '' : 's'}`,
    `${card.input.words} words`,
    card.input.durationSeconds === null ? null : `${formatTime(card.input.durationSeconds)} long`,
    card.job ? `job: ${card.job.title}` : 'no job description',
    `framework ${card.framework.id}@${card.framework.version}`,
  ].filter(Boolean);
  out.push(style.dim(meta.join(' · ')));
  if (card.input.candidateReason !== undefined)
    out.push(style.dim(`candidate: ${card.input.candidateReason}`));
  const recognition = card.input.recognition;
  if (recognition?.quality === 'good')
    out.push(style.dim(`${recognition.note} (${recognition.engine ?? 'recogniser'})`));
  for (const warning of card.warnings ?? []) out.push(style.bad(`Warning: ${warning}`));
  if (card.input.talkRatio !== undefined && card.input.speakers) {
    const each = card.input.speakers
      .map((s) => `${s.label}${s.candidate ? ' (candidate)' : ''} ${Math.round(s.seconds)} s`)
      .join(', ');
    out.push(
      style.dim(`talk ratio: candidate ${Math.round(card.input.talkRatio * 100)}% of the speech · ${each}`),
    );
  }
  out.push('');
  const overall =
    card.overall.score === null
      ? `— (${card.overall.reason ?? 'insufficient evidence'})`
      : `${card.overall.score}/100`;
  out.push(
    `${style.bold('Overall fit')}  ${bar(card.overall.score)}  ${style.bold(overall)}  ${style.dim(`confidence ${card.overall.confidence}`)}`,
  );
  if (card.strengths.length > 0)
    out.push(
      `${style.good('Strengths')}    ${card.strengths.map((s) => `${s.name} (${s.score})`).join(', ')}`,
    );
  if (card.gaps.length > 0)
    out.push(`${style.bad('Gaps')}         ${card.gaps.map((s) => `${s.name} (${s.score})`).join(', ')}`);
  out.push(`${style.bold('Next step')}    ${card.nextStep.question}`);
  out.push(style.dim(`             ${card.nextStep.reason}`));
  if (card.model) out.push('', ...renderModel(card.model, style));
  for (const c of card.competencies) out.push('', ...renderCompetency(c, style));
  if (card.measurements) out.push('', ...renderMeasurements(card.measurements, style));
  out.push('');
  out.push(style.dim(`candor ${card.engine.version} · scores are recommendations; a person decides.`));
  return out.join('\n') + '\n';
}

function renderCompetency(c: CompetencyResult, style: Style): string[] {
  const score = c.score === null ? '  —' : String(c.score).padStart(3);
  const lines = [
    `${style.bold(c.name.padEnd(24))} ${bar(c.score)} ${style.bold(score)}  ${style.dim(`confidence ${c.confidence}`)}`,
  ];
  if (c.reason) lines.push(style.dim(`  ${c.reason}`));
  for (const s of c.signals) {
    const value = s.value === null ? `— (${s.reason ?? 'not measured'})` : `${s.value} ${s.unit}`;
    const credit =
      s.credit === null ? '' : s.credit >= 1 ? style.good(' ✓') : s.credit === 0 ? style.bad(' ✗') : '';
    lines.push(style.dim(`  ${s.name}: `) + value + credit);
  }
  for (const e of c.evidence.slice(0, 2)) {
    const at = e.start === null ? '' : `[${formatTime(e.start)}] `;
    const quote = e.quote.length > 110 ? `${e.quote.slice(0, 107)}…` : e.quote;
    const heard = e.wordConfidence === undefined ? '' : ` (words heard with confidence ${e.wordConfidence})`;
    lines.push(style.dim(`  ${at}“${quote}”${e.label ? ` (${e.label})` : ''}${heard}`));
  }
  for (const f of c.feedback) lines.push(`  → ${f}`);
  return lines;
}

/** Voice and timing measures, each with its value, whether it is scored, and its strongest evidence. */
export function renderMeasurements(list: readonly ScorecardMeasurement[], style: Style = plain): string[] {
  const anyScored = list.some((m) => m.scored);
  const lines = [
    style.bold(
      anyScored ? 'Voice and timing measurements (scored only where marked)' : 'Measured, not scored',
    ),
  ];
  for (const m of list) {
    const value = m.value === null ? '—' : `${m.value} ${m.unit}`;
    const at = m.evidence[0];
    const where =
      at && at.start !== null ? ` [${formatTime(at.start)}${at.label ? ` ${at.label}` : ''}]` : '';
    const note = m.value === null || m.scored ? ` (${m.note ?? ''})` : '';
    lines.push(style.dim(`  ${m.name}: `) + value + style.dim(`${where}${note}`));
  }
  return lines;
}

/** Contributions a terminal scorecard lists: the largest, by absolute size. */
const TOP_CONTRIBUTIONS = 5;

const signed = (points: number) =>
  points > 0 ? `+${points.toFixed(1)}` : points < 0 ? `−${Math.abs(points).toFixed(1)}` : ' 0.0';
const figure = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The trained model's prediction, labelled as the model's, with its validation in words and the
 * features that moved it most.
 */
export function renderModel(m: ScorecardModel, style: Style = plain): string[] {
  const { prediction: p, validation: v } = m;
  const lines = [
    `${style.bold("Model's prediction")}  ${bar(p.score)}  ${style.bold(`${p.onScale.toFixed(1)} on ${p.scale.min}–${p.scale.max}`)} (${p.score}/100)  ${style.dim(`${m.target}, model ${m.id} v${m.version}`)}`,
    style.dim(`  ${m.name}`),
    `  Validation: ${v.passes ? style.good(v.verdict) : style.bad(v.verdict)}.`,
    v.passes
      ? style.dim(`  It agreed with raters at r ≥ ${v.threshold} on people it never saw.`)
      : style.dim(
          `  It does not reach r ≥ ${v.threshold} against raters on people it never saw: read it as a rough indication, beside the framework's scores.`,
        ),
    style.dim(`  Trained on: ${m.population}`),
    `  Largest contributions (points of the 0–100 prediction):`,
  ];
  for (const c of m.contributions.slice(0, TOP_CONTRIBUTIONS)) {
    const value =
      c.value === null ? 'not measured (counts as the training mean)' : `${figure(c.value)} ${c.unit}`.trim();
    lines.push(
      `    ${signed(c.points).padStart(5)}  ${c.name}: ${value}${style.dim(` (training mean ${figure(c.mean)})`)}`,
    );
    const e = c.evidence[0];
    if (e) {
      const at = e.start === null ? '' : `[${formatTime(e.start)}] `;
      const quote = e.quote.length > 100 ? `${e.quote.slice(0, 97)}…` : e.quote;
      lines.push(style.dim(`           ${at}“${quote}”`));
    }
  }
  return lines;
}
