import { useState } from 'react';
import type { CompetencyResult, ScorecardEvidence } from '../../api';
import { ScoreBar } from '../../components/score-bar';
import { formatClock, formatRange, formatShare, formatValue } from '../../format';

/** Per competency: the score, the feedback, each signal's measurement and the quotes behind it. */
export function CompetencyDetails({
  competencies,
  activeQuote,
  onEvidence,
}: {
  competencies: readonly CompetencyResult[];
  /** The quote last clicked, shown as selected. */
  activeQuote: ScorecardEvidence | null;
  onEvidence: (evidence: ScorecardEvidence) => void;
}) {
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading" className="section-title">
        Evidence by competency
      </h2>
      {competencies.map((c) => (
        <Competency key={c.id} competency={c} activeQuote={activeQuote} onEvidence={onEvidence} />
      ))}
    </section>
  );
}

function Competency({
  competency: c,
  activeQuote,
  onEvidence,
}: {
  competency: CompetencyResult;
  activeQuote: ScorecardEvidence | null;
  onEvidence: (evidence: ScorecardEvidence) => void;
}) {
  const headingId = `competency-${c.id}`;
  return (
    <article className="card competency" aria-labelledby={headingId} data-testid="competency">
      <header className="competency-head">
        <h3 id={headingId}>{c.name}</h3>
        <div className="competency-score">
          <ScoreBar score={c.score} empty="Insufficient evidence" />
          <span className="muted small">confidence {formatShare(c.confidence)}</span>
        </div>
      </header>
      {c.reason && <p className="notice">{c.reason}</p>}
      {c.feedback.length > 0 && (
        <ul className="feedback">
          {c.feedback.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {c.signals.length > 0 && (
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Table (scrolls sideways on a narrow screen)"
        >
          <table className="signals">
            <caption className="visually-hidden">Signals measured for {c.name}</caption>
            <thead>
              <tr>
                <th scope="col">Signal</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Target
                </th>
                <th scope="col" className="num">
                  Credit
                </th>
                <th scope="col" className="num">
                  Contribution
                </th>
              </tr>
            </thead>
            <tbody>
              {c.signals.map((s) => (
                <tr key={s.signal}>
                  <th scope="row">
                    {s.name}
                    {s.reason && <div className="cell-note">{s.reason}</div>}
                  </th>
                  <td className="num">{formatValue(s.value, s.unit)}</td>
                  <td className="num">{formatRange(s.target, s.unit)}</td>
                  <td className="num">{formatShare(s.credit)}</td>
                  <td className="num">
                    {formatValue(s.contribution)}
                    <span className="muted"> pts</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.evidence.length > 0 ? (
        <Quotes competency={c} activeQuote={activeQuote} onEvidence={onEvidence} />
      ) : (
        <p className="muted small">No quotes for this competency.</p>
      )}
    </article>
  );
}

const SHOWN_QUOTES = 3;

function Quotes({
  competency: c,
  activeQuote,
  onEvidence,
}: {
  competency: CompetencyResult;
  activeQuote: ScorecardEvidence | null;
  onEvidence: (evidence: ScorecardEvidence) => void;
}) {
  const [all, setAll] = useState(false);
  const signal = (id: string) => c.signals.find((s) => s.signal === id);
  const shown = all ? c.evidence : c.evidence.slice(0, SHOWN_QUOTES);
  const listId = `quotes-${c.id}`;
  return (
    <>
      <h4 className="evidence-title">Quotes</h4>
      <ul className="evidence-list" id={listId}>
        {shown.map((e, i) => {
          const s = signal(e.signal);
          return (
            <li key={`${e.signal}-${e.response}-${e.start ?? 'x'}-${i}`}>
              <button
                type="button"
                className={e === activeQuote ? 'evidence active' : 'evidence'}
                data-testid="evidence"
                onClick={() => onEvidence(e)}
              >
                <span className="quote">“{e.quote}”</span>
                <span className="evidence-meta">
                  <span>
                    {e.start !== null
                      ? `${formatClock(e.start)}${e.end !== null ? `–${formatClock(e.end)}` : ''}`
                      : 'no time'}
                  </span>
                  <span>answer {e.response + 1}</span>
                  {e.label && <span>{e.label}</span>}
                  {e.wordConfidence !== undefined && (
                    <span title="mean speech-recognition confidence of the quote's words">
                      words heard with confidence {e.wordConfidence.toFixed(2)}
                    </span>
                  )}
                  <span>
                    {s?.name ?? e.signal}
                    {e.value !== null ? `: ${formatValue(e.value, s?.unit)}` : ''}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {c.evidence.length > SHOWN_QUOTES && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer quotes' : `Show all ${c.evidence.length} quotes`}
        </button>
      )}
    </>
  );
}
