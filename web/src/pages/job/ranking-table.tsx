import { useState } from 'react';
import type { RankRow, RankStatus } from '../../api';
import { ScoreBar } from '../../components/score-bar';
import { formatStage } from '../../format';
import { Link, navigate } from '../../router';

const STATUS_WORDS: Record<RankStatus, string> = {
  scored: 'Scored',
  'insufficient evidence': 'Insufficient evidence',
  analysing: 'Analysing…',
  'not interviewed': 'Not interviewed',
  failed: 'Analysis failed',
};

const MAX_COMPARE = 4;

/**
 * The ranked candidates of a job with their fit, status, strengths and gaps; pick 2–4 to compare.
 * With `canRate`, each interviewed candidate has a link to rate their interview blind.
 */
export function RankingTable({
  jobId,
  rows,
  canRate = false,
}: {
  jobId: string;
  rows: readonly RankRow[];
  canRate?: boolean;
}) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const canCompare = picked.length >= 2 && picked.length <= MAX_COMPARE;

  return (
    <>
      <div className="table-wrap">
        <table className="ranking">
          <thead>
            <tr>
              <th scope="col" className="select-col">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Candidate</th>
              <th scope="col">Overall fit</th>
              <th scope="col">Status</th>
              <th scope="col">Strengths</th>
              <th scope="col">Gaps</th>
              {canRate && <th scope="col">Your rating</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const checked = picked.includes(row.applicationId);
              return (
                <tr key={row.applicationId} data-testid="ranking-row">
                  <td className="select-col">
                    <input
                      type="checkbox"
                      id={`pick-${row.applicationId}`}
                      aria-label={`Select ${row.candidateName} to compare`}
                      checked={checked}
                      disabled={!checked && picked.length >= MAX_COMPARE}
                      onChange={(e) => toggle(row.applicationId, e.target.checked)}
                    />
                  </td>
                  <td className="num">{row.rank ?? '—'}</td>
                  <th scope="row">
                    {row.scorecardId ? (
                      <Link to={`/scorecards/${row.scorecardId}`}>{row.candidateName}</Link>
                    ) : (
                      row.candidateName
                    )}
                    <div className="cell-note">{formatStage(row.stage)}</div>
                  </th>
                  <td>
                    <ScoreBar score={row.overallScore} confidence={row.confidence} empty="—" />
                  </td>
                  <td>
                    <span className={`status status-${row.status.replace(/\s+/g, '-')}`}>
                      {STATUS_WORDS[row.status]}
                    </span>
                  </td>
                  <td>
                    <TagList items={row.strengths} empty="—" />
                  </td>
                  <td>
                    <TagList items={row.gaps} empty="—" />
                  </td>
                  {canRate && (
                    <td>
                      {row.interviewId ? (
                        <Link
                          to={`/interviews/${encodeURIComponent(row.interviewId)}/rate?job=${encodeURIComponent(jobId)}`}
                          aria-label={`Rate blind: ${row.candidateName}`}
                          className="nowrap"
                        >
                          Rate blind
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="compare-bar">
        <p className="muted small" id="compare-hint" aria-live="polite">
          {picked.length === 0
            ? 'Select 2 to 4 candidates to compare them side by side.'
            : `${picked.length} selected${picked.length < 2 ? ' — select at least 2' : ''}${
                picked.length >= MAX_COMPARE ? ' (the most that fit side by side)' : ''
              }.`}
        </p>
        <button
          type="button"
          className="button primary"
          disabled={!canCompare}
          aria-describedby="compare-hint"
          onClick={() =>
            navigate(
              `/jobs/${encodeURIComponent(jobId)}/compare?applications=${picked.map(encodeURIComponent).join(',')}`,
            )
          }
        >
          Compare
        </button>
      </div>
    </>
  );
}

function TagList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="tags">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
