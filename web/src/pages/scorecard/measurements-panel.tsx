import type { ScorecardEvidence, ScorecardMeasurement } from '../../api';
import { formatValue } from '../../format';
import { EvidenceCell } from './evidence-cell';

/**
 * The recording's voice and timing measures (pitch, loudness, pauses, rates) with the moments
 * behind them. Shown on every scorecard that has them; they count towards a score only where the
 * row says so (voice signals only when the workspace opts in).
 */
export function MeasurementsPanel({
  measurements,
  onEvidence,
}: {
  measurements: readonly ScorecardMeasurement[];
  onEvidence: (evidence: ScorecardEvidence) => void;
}) {
  const anyScored = measurements.some((m) => m.scored);
  return (
    <section className="card" aria-labelledby="measurements-heading" data-testid="measurements">
      <h2 id="measurements-heading">
        {anyScored ? 'Voice and timing measurements' : 'Measured, not scored'}
      </h2>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Table (scrolls sideways on a narrow screen)"
      >
        <table className="signals">
          <caption className="visually-hidden">Voice and timing measures of the recording</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Counts</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {measurements.map((m) => (
              <tr key={m.signal}>
                <th scope="row">{m.name}</th>
                <td className="num">{formatValue(m.value, m.unit)}</td>
                <td className="small">
                  {m.scored ? 'scored' : 'not scored'}
                  {m.note && <div className="muted">{m.note}</div>}
                </td>
                <td>
                  <EvidenceCell evidence={m.evidence} onEvidence={onEvidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Measured from the recording as Praat measures it (pitch, intensity, silent pauses of 250 ms or more).
        Pitch and loudness describe the voice, not the answer: they count towards a score only when the
        workspace opts in.
      </p>
    </section>
  );
}
