import type { ResponseSignals, SignalDefinition } from '../domain/index.js';
import { aggregateSignal } from './aggregate.js';
import type { Framework } from './framework-schema.js';
import { pickEvidence, VOICE_NOT_SCORED } from './scoring.js';
import type { ScorecardMeasurement } from './scorecard-types.js';

export interface MeasurementInput {
  readonly framework: Framework;
  readonly catalogue: ReadonlyMap<string, SignalDefinition>;
  readonly perResponse: readonly ResponseSignals[];
  /** Whether voice signals count towards scores (a workspace's opt-in). */
  readonly scoreVoice: boolean;
}

/**
 * The voice and timing measures (pitch, loudness, pauses, rates, latency) of every catalogue
 * signal whose modality is `voice` or `timing`, as measurements with their evidence, whether or not
 * the framework scores them. With a recording (a voice signal has a value) every such signal is
 * listed, those without a value with the reason; without one, only those measured (e.g. pauses from
 * word times). Undefined when nothing was measured, e.g. a plain transcript.
 *
 * @example measurementsOf({ framework, catalogue, perResponse, scoreVoice: false })?.find((m) => m.signal === 'pauseRatio')
 */
export function measurementsOf(input: MeasurementInput): ScorecardMeasurement[] | undefined {
  const measured = [...input.catalogue.values()]
    .filter((d) => d.modality === 'voice' || d.modality === 'timing')
    .map((definition) => ({ definition, aggregated: aggregateSignal(definition, input.perResponse) }));
  const recorded = measured.some((m) => m.definition.modality === 'voice' && m.aggregated.value !== null);
  const shown = measured.filter((m) => recorded || m.aggregated.value !== null);
  if (shown.length === 0) return undefined;
  const usedBy = new Map<string, string[]>();
  for (const c of input.framework.competencies)
    for (const s of c.behaviours.flatMap((b) => b.signals))
      if (!(usedBy.get(s.signal) ?? []).includes(c.name))
        usedBy.set(s.signal, [...(usedBy.get(s.signal) ?? []), c.name]);
  return shown.map(({ definition, aggregated }) => {
    const competencies = usedBy.get(definition.id) ?? [];
    const countable = input.scoreVoice || definition.modality !== 'voice';
    const scored = aggregated.value !== null && competencies.length > 0 && countable;
    const note =
      aggregated.value === null
        ? (aggregated.reason ?? 'not measured')
        : scored
          ? `scored in ${competencies.join(', ')}`
          : competencies.length > 0
            ? VOICE_NOT_SCORED
            : 'measured only: no competency of this framework uses it';
    return {
      signal: definition.id,
      name: definition.name,
      unit: definition.unit,
      value: aggregated.value,
      scored,
      evidence: pickEvidence([definition.id], input.perResponse),
      note,
    };
  });
}
