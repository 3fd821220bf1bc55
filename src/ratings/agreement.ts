/**
 * How far raters agree with each other, per target: the ceiling any model trained on their
 * ratings can reach (a model cannot agree with raters better than they agree with each other).
 */
import { isCandorError } from '../core/index.js';
import type { RatingScale, Store } from '../store/index.js';
import { iccTwoWayRandom, krippendorffAlphaInterval } from '../validation/index.js';

/** What agreement needs of a rating. */
export interface AgreementRating {
  readonly interviewId: string;
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  /** 0–1. */
  readonly normalised: number;
  readonly scale?: RatingScale;
}

export interface TargetAgreement {
  readonly target: string;
  /** The scale the target is rated on (the first rating's), when known. */
  readonly scale: RatingScale | null;
  /** Every rating of the target. */
  readonly ratings: number;
  /** Everyone who rated the target. */
  readonly raters: number;
  /** Items (an interview, or one answer of it) rated by two or more raters. */
  readonly items: number;
  /** ICC(2,1): how far one rater's score can be trusted. Null with `reason`/`iccReason`. */
  readonly iccSingle: number | null;
  /** ICC(2,k): how far the mean of k raters' scores can be trusted. */
  readonly iccAverage: number | null;
  /** The complete block of items × raters the ICC was computed on (every rater rated every item). */
  readonly iccItems: number;
  readonly iccRaters: number;
  /** Krippendorff's alpha, interval distance, over every item rated by two or more raters. */
  readonly alpha: number | null;
  /** Why no figure could be computed, in words; null when some were. */
  readonly reason: string | null;
  /** Why the ICC alone could not be computed, when alpha could. */
  readonly iccReason: string | null;
}

const itemKey = (r: AgreementRating) => JSON.stringify([r.interviewId, r.answer ?? 0]);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Agreement per target, targets in name order.
 *
 * @example agreementByTarget(ratings).find((t) => t.target === 'overall')?.iccAverage
 */
export function agreementByTarget(ratings: readonly AgreementRating[]): TargetAgreement[] {
  const byTarget = new Map<string, AgreementRating[]>();
  for (const r of ratings) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  return [...byTarget.keys()].sort().map((target) => targetAgreement(target, byTarget.get(target)!));
}

function targetAgreement(target: string, ratings: readonly AgreementRating[]): TargetAgreement {
  const raters = [...new Set(ratings.map((r) => r.rater))].sort();
  const items = new Map<string, Map<string, number>>();
  for (const r of ratings) {
    const item = items.get(itemKey(r)) ?? new Map<string, number>();
    item.set(r.rater, r.normalised);
    items.set(itemKey(r), item);
  }
  const shared = [...items.values()].filter((item) => item.size >= 2);
  const base = {
    target,
    scale: ratings[0]?.scale ?? null,
    ratings: ratings.length,
    raters: raters.length,
    items: shared.length,
  };
  const none = { iccSingle: null, iccAverage: null, iccItems: 0, iccRaters: 0, alpha: null, iccReason: null };
  if (raters.length < 2) {
    return {
      ...base,
      ...none,
      reason: `only one rater (${raters[0] ?? 'nobody'}) rated "${target}"; agreement needs two or more raters of the same items`,
    };
  }
  if (shared.length < 2) {
    return {
      ...base,
      ...none,
      reason: `${plural(shared.length, 'item was', 'items were')} rated by two or more raters; agreement needs at least 2 such items`,
    };
  }
  const sharedRaters = [...new Set(shared.flatMap((item) => [...item.keys()]))].sort();
  let alpha: number | null = null;
  let alphaReason: string | null = null;
  try {
    alpha = krippendorffAlphaInterval(shared.map((item) => sharedRaters.map((r) => item.get(r) ?? null)));
  } catch (error) {
    if (!isCandorError(error)) throw error;
    alphaReason = error.message;
  }
  const icc = iccOnCompleteBlock(shared);
  const reason = alpha === null && icc.value === null ? (alphaReason ?? icc.reason) : null;
  return {
    ...base,
    iccSingle: icc.value?.single ?? null,
    iccAverage: icc.value?.average ?? null,
    iccItems: icc.items,
    iccRaters: icc.raters,
    alpha,
    reason,
    iccReason: reason === null && icc.value === null ? icc.reason : null,
  };
}

interface IccOutcome {
  readonly value: { single: number; average: number } | null;
  readonly items: number;
  readonly raters: number;
  readonly reason: string | null;
}

/**
 * ICC(2,·) needs every rater to have rated every item. Where raters rated different items, it is
 * computed on the largest complete block found greedily: the pair of raters sharing the most
 * items, then each rater that keeps the most ratings (items × raters) in the block.
 */
function iccOnCompleteBlock(items: readonly ReadonlyMap<string, number>[]): IccOutcome {
  const raters = [...new Set(items.flatMap((item) => [...item.keys()]))].sort();
  const rated = new Map(
    raters.map((r) => [r, new Set(items.flatMap((item, i) => (item.has(r) ? [i] : [])))]),
  );
  const common = (group: readonly string[]) =>
    items.flatMap((_, i) => (group.every((r) => rated.get(r)!.has(i)) ? [i] : []));
  interface Block {
    readonly group: readonly string[];
    readonly shared: readonly number[];
  }
  const size = (b: Block | null) => (b === null ? 0 : b.shared.length * b.group.length);
  let pair: Block | null = null;
  for (let a = 0; a < raters.length; a++) {
    for (let b = a + 1; b < raters.length; b++) {
      const shared = common([raters[a]!, raters[b]!]);
      if (pair === null || shared.length > pair.shared.length)
        pair = { group: [raters[a]!, raters[b]!], shared };
    }
  }
  if (pair === null || pair.shared.length < 2) {
    return {
      value: null,
      items: 0,
      raters: 0,
      reason:
        'no two raters rated the same 2 or more items, and ICC(2,k) needs every rater to rate every item',
    };
  }
  let best: Block = pair;
  for (;;) {
    let next: Block | null = null;
    for (const r of raters.filter((x) => !best.group.includes(x))) {
      const group = [...best.group, r];
      const shared = common(group);
      if (shared.length >= 2 && shared.length * group.length > size(next)) next = { group, shared };
    }
    if (next === null || size(next) <= size(best)) break;
    best = next;
  }
  const block = best.shared.map((i) => best.group.map((r) => items[i]!.get(r)!));
  try {
    const icc = iccTwoWayRandom(block);
    return { value: icc, items: block.length, raters: best.group.length, reason: null };
  } catch (error) {
    if (!isCandorError(error)) throw error;
    return { value: null, items: block.length, raters: best.group.length, reason: error.message };
  }
}

export interface AgreementQuery {
  readonly workspaceId: string;
  readonly target?: string | undefined;
  readonly jobId?: string | undefined;
}

/**
 * Agreement per target over a workspace's stored ratings, optionally of one target or one job.
 * @example const [overall] = await ratingsAgreement(store, { workspaceId, target: 'overall' })
 */
export async function ratingsAgreement(store: Store, query: AgreementQuery): Promise<TargetAgreement[]> {
  const ratings = await store.ratings.list(query.workspaceId, { target: query.target, jobId: query.jobId });
  return agreementByTarget(ratings);
}
