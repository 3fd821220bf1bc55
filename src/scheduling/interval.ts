/** A half-open span of time [start, end). */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Whether two half-open intervals share any instant (touching ends do not overlap).
 * @example overlaps({ start: a, end: b }, { start: b, end: c }) // false
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
