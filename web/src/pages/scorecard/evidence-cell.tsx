import type { ScorecardEvidence } from '../../api';
import { formatClock } from '../../format';

/**
 * A table cell's first quotes or moments, each a button that plays and highlights it; a dash when
 * there are none. `quoted` puts the quote in quotation marks (words said, not a measurement).
 */
export function EvidenceCell({
  evidence,
  onEvidence,
  quoted = false,
  limit = 2,
}: {
  evidence: readonly ScorecardEvidence[];
  onEvidence: (evidence: ScorecardEvidence) => void;
  quoted?: boolean;
  limit?: number;
}) {
  if (evidence.length === 0) return <span className="muted small">—</span>;
  return (
    <>
      {evidence.slice(0, limit).map((e, i) => (
        <button
          key={`${e.response}-${e.start ?? 'x'}-${i}`}
          type="button"
          className="evidence"
          onClick={() => onEvidence(e)}
        >
          <span className="quote">{quoted ? `“${e.quote}”` : e.quote}</span>
          <span className="evidence-meta">
            <span>{e.start === null ? 'no time' : formatClock(e.start)}</span>
            <span>answer {e.response + 1}</span>
          </span>
        </button>
      ))}
    </>
  );
}
