import { useId, useMemo, useState } from 'react';
import type { PracticeHistory, SessionStatus } from '../api';
import { Chart } from '../charts/chart';
import { progressOption } from '../charts/options';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { ScoreBar } from './score-bar';
import { EmptyState } from './status';

const STATUS_WORDS: Record<SessionStatus, string> = {
  scored: 'Scored',
  'insufficient evidence': 'Too little to score',
  analysing: 'Analysing…',
  failed: 'Analysis failed',
  empty: 'No answer uploaded',
};

const MODE_WORDS = { answer: 'Single answers', mock: 'Mock interviews' } as const;
type Mode = keyof typeof MODE_WORDS;

/**
 * Progress over time: the overall line always, the competencies the student ticks, and single
 * answers apart from full mock interviews (a one-question answer and a whole interview are not
 * the same test).
 */
export function ProgressChart({ history, who = 'your' }: { history: PracticeHistory; who?: string }) {
  const overall = history.progress.find((p) => p.id === 'overall');
  const competencies = history.progress.filter((p) => p.id !== 'overall');
  const counts = {
    answer: overall?.points.filter((p) => p.mode === 'answer' && p.score !== null).length ?? 0,
    mock: overall?.points.filter((p) => p.mode === 'mock' && p.score !== null).length ?? 0,
  };
  const latest = overall?.points.at(-1)?.mode ?? 'answer';
  const [chosenMode, setMode] = useState<Mode | null>(null);
  const mode: Mode = chosenMode ?? (counts[latest] > 0 ? latest : counts.answer > 0 ? 'answer' : 'mock');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const groupId = useId();
  const option = useMemo(() => progressOption(history.progress, picked, mode), [history, picked, mode]);
  if (counts.answer + counts.mock === 0) {
    return (
      <EmptyState title="No progress to chart yet">
        The chart appears after the first scored answer{who === 'your' ? '; record one above' : ''}.
      </EmptyState>
    );
  }
  const scores = (overall?.points ?? []).filter((p) => p.mode === mode && p.score !== null);
  const first = scores[0]?.score;
  const last = scores.at(-1)?.score;
  const label =
    `Line chart of ${who} overall score over ${scores.length} ${MODE_WORDS[mode].toLowerCase()}` +
    (picked.size > 0
      ? ` with ${[...picked].map((id) => competencies.find((c) => c.id === id)?.name).join(', ')}`
      : '') +
    (scores.length > 1 && first != null && last != null
      ? `; overall from ${Math.round(first)} to ${Math.round(last)}.`
      : '.');
  const toggle = (id: string) =>
    setPicked((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="progress-chart stack">
      <fieldset className="segmented" aria-describedby={`${groupId}-hint`}>
        <legend>Sessions</legend>
        {(['answer', 'mock'] as const).map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name={`${groupId}-mode`}
              value={m}
              checked={mode === m}
              disabled={counts[m] === 0}
              onChange={() => setMode(m)}
            />
            {MODE_WORDS[m]} <span className="muted small">({counts[m]})</span>
          </label>
        ))}
        <p className="hint" id={`${groupId}-hint`}>
          Single answers and full mock interviews are charted apart.
        </p>
      </fieldset>
      <Chart option={option} label={label} testId="progress-chart" height={320} />
      <details className="competency-picker" data-testid="competency-picker">
        <summary>Compare competencies ({picked.size} shown)</summary>
        <fieldset className="checkbox-grid">
          <legend className="visually-hidden">Competencies shown beside the overall line</legend>
          {competencies.map((c) => (
            <label key={c.id} className="choice">
              <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
              {c.name}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

/** Practice sessions, newest first, each linking to its scorecard. */
export function SessionList({ history, emptyHint }: { history: PracticeHistory; emptyHint: string }) {
  if (history.sessions.length === 0)
    return <EmptyState title="No practice sessions yet">{emptyHint}</EmptyState>;
  const sessions = [...history.sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Practice sessions">
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
