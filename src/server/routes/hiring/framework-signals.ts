import { SIGNAL_CATALOGUE } from '../../../analysis/index.js';
import type { Framework } from '../../../assessment/index.js';
import { CandorError } from '../../../core/index.js';

const known = new Set(SIGNAL_CATALOGUE.map((s) => s.id));

/**
 * Every signal a framework names must be one Candor measures (`candor signals`).
 * @throws CandorError VALIDATION_FAILED naming the field
 * @example checkSignals(request.body)
 */
export function checkSignals(framework: Framework): void {
  framework.competencies.forEach((c, ci) =>
    c.behaviours.forEach((b, bi) =>
      b.signals.forEach((s, si) => {
        if (known.has(s.signal)) return;
        const field = `competencies.${ci}.behaviours.${bi}.signals.${si}.signal`;
        throw new CandorError('VALIDATION_FAILED', `body.${field}: unknown signal "${s.signal}"`, {
          in: 'body',
          field,
        });
      }),
    ),
  );
}
