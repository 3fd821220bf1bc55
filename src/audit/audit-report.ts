/**
 * `candor audit` and `GET /audit`: reads the store (applications with their newest scorecard's
 * overall score, whether a person advanced them, and the candidates' self-identified
 * demographics), computes the audit, and says what it covers.
 */
import { CandorError, engineVersion } from '../core/index.js';
import type { Store } from '../store/index.js';
import {
  auditFigures,
  groupLabel,
  groupOf,
  type AuditCategory,
  type AuditFigures,
  type AuditOptions,
} from './adverse-impact.js';
import {
  contributionsOf,
  explainGap,
  type GapExplanation,
  type GapSubject,
  type ScorecardContributions,
} from './explain-gap.js';
import type { AuditRow } from '../store/repositories/demographics.js';

export interface AuditRequest {
  readonly workspaceId: string;
  readonly jobId?: string | undefined;
  /** `YYYY-MM-DD` or an ISO-8601 time; inclusive. A bare `to` date covers that whole day (UTC). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The audit's date; defaults to now. */
  readonly now?: Date;
  readonly options?: AuditOptions;
  /**
   * For each flagged group, which features' contributions differ most from the reference group's
   * ("What drives the gap"); reads the scorecards of those two groups. `candor audit` asks for it.
   */
  readonly explainGaps?: boolean;
}

/** A flagged group's gap against its category's reference group, feature by feature. */
export interface CategoryGap extends GapExplanation {
  readonly category: AuditCategory;
  readonly title: string;
  readonly groupLabel: string;
  readonly referenceLabel: string;
}

export interface AuditReport extends AuditFigures {
  readonly tool: {
    readonly name: 'Candor';
    readonly version: string;
    /** `id@version` of every framework whose scorecards are in the audit. */
    readonly frameworks: readonly string[];
    /** Candor versions that wrote those scorecards. */
    readonly engines: readonly string[];
  };
  readonly auditDate: string;
  readonly scope: {
    readonly job: { readonly id: string; readonly title: string } | null;
    readonly from: string | null;
    readonly to: string | null;
    /** The first and last application date in the data; null when there is none. */
    readonly firstApplication: string | null;
    readonly lastApplication: string | null;
    /** Each audited row is one application (a candidate for one job). */
    readonly unit: 'application';
  };
  /** With `explainGaps`: one entry per flagged group of each category. */
  readonly gaps?: readonly CategoryGap[];
}

/**
 * A period bound as stored times compare: `YYYY-MM-DD` becomes the start (or, for `to`, the end)
 * of that day in UTC; a full ISO time is kept as given, in UTC.
 *
 * @throws CandorError VALIDATION_FAILED naming the bound and the value when it is not a real date.
 * @example periodBound('to', '2025-03-31') // '2025-03-31T23:59:59.999Z'
 */
export function periodBound(field: 'from' | 'to', value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = day ? `${value}T${field === 'from' ? '00:00:00.000' : '23:59:59.999'}Z` : value;
  const parsed = new Date(time);
  const valid =
    !Number.isNaN(parsed.getTime()) &&
    (day ? parsed.toISOString().slice(0, 10) === value : /^\d{4}-\d{2}-\d{2}T/.test(value));
  if (!valid) {
    throw new CandorError('VALIDATION_FAILED', `${field} "${value}" is not a date; use YYYY-MM-DD`, {
      in: 'query',
      field,
    });
  }
  return parsed.toISOString();
}

/**
 * Runs the audit of a workspace, optionally one job and one period.
 *
 * @throws CandorError VALIDATION_FAILED for a bad date or `from` after `to`; NOT_FOUND for a job
 *   that is not in the workspace. An empty period is no error: the report says what it could not
 *   compute and why.
 * @example const report = await buildAuditReport(store, { workspaceId, jobId, from: '2025-01-01' })
 */
export async function buildAuditReport(store: Store, request: AuditRequest): Promise<AuditReport> {
  const from = request.from === undefined ? undefined : periodBound('from', request.from);
  const to = request.to === undefined ? undefined : periodBound('to', request.to);
  if (from !== undefined && to !== undefined && from > to) {
    throw new CandorError('VALIDATION_FAILED', `from ${request.from} is after to ${request.to}`, {
      in: 'query',
      field: 'from',
    });
  }
  let job: { id: string; title: string } | null = null;
  if (request.jobId !== undefined) {
    const found = await store.jobs.get(request.jobId).catch(() => null);
    if (found === null || found.workspaceId !== request.workspaceId) {
      throw new CandorError('NOT_FOUND', `job ${request.jobId} not found`, {
        entity: 'job',
        id: request.jobId,
      });
    }
    job = { id: found.id, title: found.title };
  }
  const rows = await store.demographics.auditRows({
    workspaceId: request.workspaceId,
    jobId: request.jobId,
    from,
    to,
  });
  const figures = auditFigures(rows, request.options);
  const notes = [...figures.notes];
  if (rows.length === 0) {
    const period =
      from === undefined && to === undefined
        ? ''
        : ` between ${request.from ?? 'the start'} and ${request.to ?? 'now'}`;
    notes.splice(
      0,
      notes.length,
      `No application${job === null ? '' : ` to ${job.title}`}${period}: nothing can be computed.`,
    );
  }
  const gaps =
    request.explainGaps === true ? await explainGaps(store, request.workspaceId, rows, figures) : undefined;
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort();
  return {
    tool: {
      name: 'Candor',
      version: engineVersion(),
      frameworks: distinct(
        rows.map((r) => (r.frameworkId === null ? null : `${r.frameworkId}@${r.frameworkVersion ?? ''}`)),
      ),
      engines: distinct(rows.map((r) => r.engineVersion)),
    },
    auditDate: (request.now ?? new Date()).toISOString(),
    scope: {
      job,
      from: from ?? null,
      to: to ?? null,
      firstApplication: rows[0]?.appliedAt ?? null,
      lastApplication: rows.at(-1)?.appliedAt ?? null,
      unit: 'application',
    },
    ...figures,
    notes,
    ...(gaps === undefined ? {} : { gaps }),
  };
}

/**
 * "What drives the gap": for each flagged group, the reference is the group its flag is measured
 * against (the highest scoring-rate group when the scoring rate is flagged, else the highest
 * selection-rate group). Only the scorecards of those groups' members are read.
 */
async function explainGaps(
  store: Store,
  workspaceId: string,
  rows: readonly AuditRow[],
  figures: AuditFigures,
): Promise<CategoryGap[]> {
  const wanted = figures.categories.flatMap((c) =>
    c.flagged.map((group) => {
      const row = c.groups.find((g) => g.group === group)!;
      const scoringFlag = row.scoring.belowFourFifths && row.scoring.significant;
      return { c, group, reference: scoringFlag ? c.scoringReference : c.selectionReference };
    }),
  );
  if (wanted.length === 0) return [];
  const ids = rows.flatMap((r) =>
    r.scorecardId !== null &&
    wanted.some((w) => [w.group, w.reference].includes(groupOf(w.c.category, r.demographics)))
      ? [r.scorecardId]
      : [],
  );
  const bodies = await store.demographics.scorecardBodies(workspaceId, ids);
  const contributions = new Map<string, ScorecardContributions | null>(
    [...bodies].map(([id, body]) => [id, contributionsOf(body)]),
  );
  const out: CategoryGap[] = [];
  for (const { c, group, reference } of wanted) {
    if (reference === null) continue;
    const subjects: GapSubject[] = [];
    for (const r of rows) {
      const g = groupOf(c.category, r.demographics);
      if (g !== group && g !== reference) continue;
      subjects.push({
        group: g,
        contributions: r.scorecardId === null ? null : (contributions.get(r.scorecardId) ?? null),
      });
    }
    out.push({
      category: c.category,
      title: c.title,
      groupLabel: groupLabel(group),
      referenceLabel: groupLabel(reference),
      ...explainGap(subjects, group, reference),
    });
  }
  return out;
}
