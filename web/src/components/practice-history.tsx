import { useId, useMemo, useState } from 'react';
import type { PracticeHistory, SessionStatus } from '../api';
import { Chart } from '../charts/chart';
import { progressOption } from '../charts/options';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { ScoreBar } from './score-bar';
import { SeriesFilter } from './series-filter';
import { EmptyState } from './status';

const STATUS_WORDS: Record<SessionStatus, string> = {
  scored: 'Scored',
  'insufficient evidence': 'Too little to score',
  analysing: 'Analysing…',
  failed: 'Analysis failed',
  empty: 'No answer uploaded',
};

/** Progress over time, one line per competency (with the overall score). */
export function ProgressChart({ history, who = 'your' }: { history: PracticeHistory; who?: string }) {
  const [only, setOnly] = useState<string | null>(null);
  const filterId = useId();
  const option = useMemo(() => progressOption(history.progress, history.sessions, only), [history, only]);
  const points = history.progress.reduce((n, s) => n + s.points.filter((p) => p.score !== null).length, 0);
  if (points === 0) {
    return (
      <EmptyState title="No progress to chart yet">
        The chart appears after the first scored answer{who === 'your' ? '; record one above' : ''}.
      </EmptyState>
    );
  }
  const scored = history.sessions.filter((s) => s.overallScore !== null);
  const first = scored[scored.length - 1];
  const last = scored[0];
  const label =
    `Line chart of ${who} scores per competency over ${scored.length} scored sessions` +
    (first && last && scored.length > 1
      ? `; overall from ${Math.round(first.overallScore ?? 0)} to ${Math.round(last.overallScore ?? 0)}.`
      : '.');
  return (
    <>
      <SeriesFilter id={filterId} competencies={history.progress} value={only} onChange={setOnly} />
      <Chart option={option} label={label} testId="progress-chart" height={340} />
    </>
  );
}

/** Practice sessions, newest first, each linking to its scorecard. */
export function SessionList({ history, emptyHint }: { history: PracticeHistory; emptyHint: string }) {
  if (history.sessions.length === 0)
    return <EmptyState title="No practice sessions yet">{emptyHint}</EmptyState>;
  const sessions = [...history.sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="group"
      aria-label="Table (scrolls sideways on a narrow screen)"
    >
      <table data-testid="session-list">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">When</th>
            <th scope="col">Overall</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.interviewId}>
              <th scope="row" className="question-cell">
                {s.scorecardId ? (
                  <Link to={`/scorecards/${s.scorecardId}`}>{s.title ?? 'Practice answer'}</Link>
                ) : (
                  (s.title ?? 'Practice answer')
                )}
              </th>
              <td className="nowrap">{formatDateTime(s.createdAt)}</td>
              <td>
                <ScoreBar score={s.overallScore} empty="—" />
              </td>
              <td>
                <span className={`status status-${s.status}`}>{STATUS_WORDS[s.status]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
