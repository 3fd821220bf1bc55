import type { ScorecardEvidence, ScorecardMeasurement } from '../../api';
import { formatClock, formatValue } from '../../format';

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
                  {m.evidence.length === 0 ? (
                    <span className="muted small">—</span>
                  ) : (
                    m.evidence.slice(0, 2).map((e, i) => (
                      <button
                        key={`${e.response}-${e.start ?? 'x'}-${i}`}
                        type="button"
                        className="evidence"
                        onClick={() => onEvidence(e)}
                      >
                        <span className="quote">{e.quote}</span>
                        <span className="evidence-meta">
                          <span>{e.start === null ? 'no time' : formatClock(e.start)}</span>
                          <span>answer {e.response + 1}</span>
                        </span>
                      </button>
                    ))
                  )}
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
