/**
 * Mitigation with its cost shown (issue 12 part 3): the same training run with and without
 * re-weighing, side by side: validity (cross-validated r with its interval) and, on the
 * cross-validated predictions, each group's scoring rate (share above the median prediction) and
 * impact ratio against the highest group. The groups come from a demographics file and are used
 * only here and for the weights: they never reach the model file.
 */
import { CandorError } from '../core/index.js';
import type { AgreementFigures, ModelFile } from './model-file.js';
import { REWEIGH_ATTRIBUTES, type ReweighAttribute } from './reweighing.js';
import { trainModel, type TrainInput } from './train.js';

/** One group's scoring on a model's cross-validated predictions. */
export interface GroupScoring {
  readonly group: string;
  /** Rated interviews of the group's people. */
  readonly count: number;
  readonly aboveMedian: number;
  readonly rate: number;
  /** rate over the highest group's rate; null when that rate is 0. */
  readonly impactRatio: number | null;
  /** Mean prediction on the ratings' scale. */
  readonly meanPredicted: number;
}

export interface ScoringSide {
  readonly crossValidated: AgreementFigures;
  /** The median of all cross-validated predictions (ratings' scale). */
  readonly median: number;
  readonly groups: readonly GroupScoring[];
  /** The lowest impact ratio; null when none is defined. */
  readonly lowestImpactRatio: number | null;
}

export interface MitigationComparison {
  readonly kind: 'reweighing';
  readonly attribute: ReweighAttribute;
  /** Rated interviews whose person has no known group on the attribute (weight 1, not in the rates). */
  readonly unknown: number;
  readonly before: ScoringSide;
  readonly after: ScoringSide;
}

/**
 * Per-group scoring of a model's cross-validated predictions (`validation.points`).
 * @example scoringOf(model, new Map([['p1', 'female']]))
 */
export function scoringOf(model: ModelFile, groups: ReadonlyMap<string, string | null>): ScoringSide {
  const points = model.validation.points ?? [];
  const sorted = points.map((p) => p.predicted).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const tally = new Map<string, { count: number; above: number; sum: number }>();
  for (const p of points) {
    const g = groups.get(p.person) ?? null;
    if (g === null) continue;
    const t = tally.get(g) ?? { count: 0, above: 0, sum: 0 };
    t.count += 1;
    t.sum += p.predicted;
    if (p.predicted > median) t.above += 1;
    tally.set(g, t);
  }
  const rates = [...tally].map(([group, t]) => ({ group, ...t, rate: t.above / t.count }));
  const best = Math.max(0, ...rates.map((r) => r.rate));
  const out = rates
    .map((r): GroupScoring => ({
      group: r.group,
      count: r.count,
      aboveMedian: r.above,
      rate: r.rate,
      impactRatio: best === 0 ? null : r.rate / best,
      meanPredicted: r.sum / r.count,
    }))
    .sort((a, b) => (a.group < b.group ? -1 : 1));
  const ratios = out.flatMap((g) => (g.impactRatio === null ? [] : [g.impactRatio]));
  return {
    crossValidated: model.validation.crossValidated,
    median,
    groups: out,
    lowestImpactRatio: ratios.length === 0 ? null : Math.min(...ratios),
  };
}

/** A person's value on an attribute, 'declined' counting as unknown. */
export interface PersonDemographics {
  readonly sex: string;
  readonly raceEthnicity: string;
  readonly ageBand: string;
}

/** Person → group on the attribute (null when declined). */
export function groupsFor(
  attribute: ReweighAttribute,
  demographics: ReadonlyMap<string, PersonDemographics>,
): Map<string, string | null> {
  const pick = (d: PersonDemographics) =>
    attribute === 'sex' ? d.sex : attribute === 'race_ethnicity' ? d.raceEthnicity : d.ageBand;
  return new Map(
    [...demographics].map(([person, d]) => [person, pick(d) === 'declined' ? null : pick(d)] as const),
  );
}

/**
 * Trains the model twice on the same folds, without and with re-weighing on `attribute`, and
 * returns the re-weighed model with the comparison. The comparison holds group names; the model
 * file holds none (its validation method and notes say re-weighing was used and on what).
 *
 * @throws CandorError CONFIG_INVALID for an unknown attribute; DEMOGRAPHICS_INVALID when the rated
 *   people fall in fewer than two known groups.
 * @example trainWithReweighing(input, 'sex', demographics).comparison.after.lowestImpactRatio
 */
export function trainWithReweighing(
  input: TrainInput,
  attribute: string,
  demographics: ReadonlyMap<string, PersonDemographics>,
): { model: ModelFile; plain: ModelFile; comparison: MitigationComparison } {
  if (!(REWEIGH_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw new CandorError(
      'CONFIG_INVALID',
      `--reweigh: expected one of ${REWEIGH_ATTRIBUTES.join(', ')}, got "${attribute}"`,
      { option: 'reweigh' },
    );
  }
  const a = attribute as ReweighAttribute;
  const groups = groupsFor(a, demographics);
  const plain = trainModel(input);
  const reweighed = trainModel({ ...input, reweigh: { attribute: a, groups } });
  const before = scoringOf(plain, groups);
  const after = scoringOf(reweighed, groups);
  const f3 = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
  const model: ModelFile = {
    ...reweighed,
    validation: {
      ...reweighed.validation,
      notes: [
        ...(reweighed.validation.notes ?? []),
        `re-weighing on ${a}: cross-validated r ${f3(plain.validation.crossValidated.r)} without it, ` +
          `${f3(reweighed.validation.crossValidated.r)} with it; lowest scoring impact ratio ` +
          `${f3(before.lowestImpactRatio)} without it, ${f3(after.lowestImpactRatio)} with it`,
      ],
    },
  };
  const unknown = (plain.validation.points ?? []).filter(
    (p) => (groups.get(p.person) ?? null) === null,
  ).length;
  return { model, plain, comparison: { kind: 'reweighing', attribute: a, unknown, before, after } };
}

/**
 * The comparison as text or Markdown: validity, then per group the scoring rate and impact ratio,
 * before and after.
 * @example renderMitigation(comparison, 'markdown')
 */
export function renderMitigation(c: MitigationComparison, format: 'text' | 'markdown'): string {
  const md = format === 'markdown';
  const f2 = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
  const f3 = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const change = (v: number) => {
    const t = v.toFixed(3);
    return t === '-0.000' ? '0.000' : v > 0 ? `+${t}` : t;
  };
  const r = (s: ScoringSide) =>
    `${f2(s.crossValidated.r)} [${f2(s.crossValidated.ci[0])}, ${f2(s.crossValidated.ci[1])}]`;
  const rows: string[][] = [
    ['', 'without re-weighing', `re-weighed on ${c.attribute}`, 'change'],
    [
      'cross-validated r [95% CI]',
      r(c.before),
      r(c.after),
      change(c.after.crossValidated.r - c.before.crossValidated.r),
    ],
    [
      'lowest impact ratio (scoring)',
      f3(c.before.lowestImpactRatio),
      f3(c.after.lowestImpactRatio),
      c.before.lowestImpactRatio === null || c.after.lowestImpactRatio === null
        ? 'n/a'
        : change(c.after.lowestImpactRatio - c.before.lowestImpactRatio),
    ],
  ];
  for (const g of c.before.groups) {
    const after = c.after.groups.find((x) => x.group === g.group);
    rows.push([
      `${g.group} (n=${g.count}): scoring rate, impact ratio`,
      `${pct(g.rate)}, ${f3(g.impactRatio)}`,
      after ? `${pct(after.rate)}, ${f3(after.impactRatio)}` : 'n/a',
      after && after.impactRatio !== null && g.impactRatio !== null
        ? change(after.impactRatio - g.impactRatio)
        : 'n/a',
    ]);
  }
  const table = md
    ? [
        `| ${rows[0]!.join(' | ')} |`,
        '|---|---:|---:|---:|',
        ...rows.slice(1).map((x) => `| ${x.join(' | ')} |`),
      ]
    : (() => {
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)));
        return rows.map(
          (x) =>
            '  ' +
            x.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
        );
      })();
  return (
    [
      md ? '### Mitigation: re-weighing, with its cost' : 'Mitigation: re-weighing, with its cost',
      '',
      `Re-weighing (Kamiran & Calders 2012) on ${c.attribute}: training rows weighted P(g)·P(y)/P(g,y), y = rating above the median. ` +
        'Both columns use the same folds; the rates are on the cross-validated predictions (scoring rate: share above the median prediction; impact ratio against the highest group).',
      '',
      ...table,
      '',
      `Rated interviews with no known ${c.attribute} (weight 1, not in the rates): ${c.unknown}. ` +
        'The demographic values weigh the training rows only; they are not model inputs and are not in the model file.',
    ].join('\n') + '\n'
  );
}
