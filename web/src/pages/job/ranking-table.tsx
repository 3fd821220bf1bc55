import { useState } from 'react';
import type { RankingView, RankRow, RankStatus } from '../../api';
import { ScoreBar } from '../../components/score-bar';
import { Link, navigate } from '../../router';
import { orderOf, StageBadge } from './ranking-controls';

const STATUS_WORDS: Record<RankStatus, string> = {
  scored: 'Scored',
  'insufficient evidence': 'Insufficient evidence',
  analysing: 'Analysing…',
  'not interviewed': 'Not interviewed',
  failed: 'Analysis failed',
};

const MAX_COMPARE = 4;

type SortColumn = NonNullable<RankingView['sort']>;

/** A column header that sorts by its column; `aria-sort` tells screen readers the current order. */
function SortHeader({
  column,
  label,
  view,
  onSort,
  className,
}: {
  column: SortColumn;
  label: string;
  view: RankingView;
  onSort: (view: RankingView) => void;
  className?: string;
}) {
  const active = (view.sort ?? 'score') === column;
  const order = orderOf(view);
  const next = active ? (order === 'asc' ? 'desc' : 'asc') : undefined;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ ...view, sort: column, order: next })}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * The ranked candidates of a job with their fit, stage, strengths and gaps; pick 2–4 to compare.
 * Headers sort the ranking (on the server, across pages). On a phone each row is a card.
 * With `canRate`, each interviewed candidate has a link to rate their interview blind.
 */
export function RankingTable({
  jobId,
  rows,
  view,
  onView,
  canRate = false,
}: {
  jobId: string;
  rows: readonly RankRow[];
  view: RankingView;
  onView: (view: RankingView) => void;
  canRate?: boolean;
}) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const canCompare = picked.length >= 2 && picked.length <= MAX_COMPARE;

  return (
    <>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Table (scrolls sideways on a narrow screen)"
      >
        <table className="ranking card-table">
          <thead>
            <tr>
              <th scope="col" className="select-col">
                <span className="visually-hidden">Compare</span>
              </th>
              <SortHeader column="score" label="Rank" view={view} onSort={onView} className="num" />
              <SortHeader column="name" label="Candidate" view={view} onSort={onView} />
              <SortHeader column="stage" label="Stage" view={view} onSort={onView} />
              <SortHeader column="score" label="Overall fit" view={view} onSort={onView} />
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
                  <td className="num rank-cell" data-label="Rank">
                    {row.rank === null ? '—' : `#${row.rank}`}
                  </td>
                  <th scope="row" className="name-cell">
                    {row.scorecardId ? (
                      <Link to={`/scorecards/${row.scorecardId}`}>{row.candidateName}</Link>
                    ) : (
                      row.candidateName
                    )}
                  </th>
                  <td data-label="Stage">
                    <StageBadge stage={row.displayStage} />
                    {row.status !== 'scored' && (
                      <div className={`cell-note status-note status-${row.status.replace(/\s+/g, '-')}`}>
                        {STATUS_WORDS[row.status]}
                      </div>
                    )}
                  </td>
                  <td data-label="Overall fit">
                    <ScoreBar score={row.overallScore} confidence={row.confidence} empty="—" />
                  </td>
                  <td data-label="Strengths">
                    <TagList items={row.strengths} empty="—" />
                  </td>
                  <td data-label="Gaps">
                    <TagList items={row.gaps} empty="—" />
                  </td>
                  {canRate && (
                    <td data-label="Your rating">
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
