import { describe, expect, it } from 'vitest';
import { credit, describeTarget } from './credit.js';

describe('credit', () => {
  const fillers = { target: { max: 3 }, zeroAt: { max: 10 } };
  const pace = { target: { min: 120, max: 170 }, zeroAt: { min: 70, max: 230 } };

  it('gives full credit inside the target and none at or beyond zeroAt', () => {
    expect(credit(2.5, fillers)).toBe(1);
    expect(credit(10, fillers)).toBe(0);
    expect(credit(14, fillers)).toBe(0);
    expect(credit(150, pace)).toBe(1);
  });

  it('falls linearly between target and zeroAt on either side of a range', () => {
    expect(credit(6.5, fillers)).toBeCloseTo(0.5, 10);
    expect(credit(95, pace)).toBeCloseTo(0.5, 10);
    expect(credit(200, pace)).toBeCloseTo(0.5, 10);
  });

  it('describes targets in words', () => {
    expect(describeTarget({ max: 3 })).toBe('under 3');
    expect(describeTarget({ min: 0.5 })).toBe('at least 0.5');
    expect(describeTarget({ min: 120, max: 170 })).toBe('between 120 and 170');
  });
});
