import { microTaskApi, type ScorecardVersions } from '../../api/micro-tasks';
import { formatDate, formatScore, formatShare } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../use-api';

/**
 * The interview's scorecard versions, and for an interview that had a micro-task (the follow-up
 * agent's one extra question) what it asked, why, and each competency before and after the answer.
 * Nothing is shown for an interview with one scorecard and no micro-task.
 */
export function VersionsPanel({ scorecardId }: { scorecardId: string }) {
  const state = useApi(() => microTaskApi.versions(scorecardId), [scorecardId]);
  const data = state.data;
  if (!data || (data.versions.length < 2 && data.microTask === null)) return null;
  return <VersionsCard scorecardId={scorecardId} data={data} />;
}

function VersionsCard({ scorecardId, data }: { scorecardId: string; data: ScorecardVersions }) {
  const task = data.microTask;
  return (
    <section className="card" aria-labelledby="versions-heading" data-testid="scorecard-versions">
      <h2 id="versions-heading">Versions</h2>
      <ol className="version-list">
        {data.versions.map((v, i) => (
          <li key={v.id}>
            {v.id === scorecardId ? (
              <strong aria-current="page">Version {i + 1}</strong>
            ) : (
              <Link to={`/scorecards/${v.id}`}>Version {i + 1}</Link>
            )}{' '}
            <span className="muted small">
              {formatDate(v.createdAt)} ·{' '}
              {v.overallScore === null ? 'no score' : `${formatScore(v.overallScore)} / 100`}
              {v.label !== null && ` · ${v.label}`}
            </span>
          </li>
        ))}
      </ol>
      {task !== null && (
        <div className="stack" data-testid="micro-task-summary">
          <h3>Micro-task: {task.competencyName}</h3>
          <p className="muted small">
            Sent because {task.detail}. Asked ({task.questionSource}): “{task.question}”
          </p>
          <p className="small">
            {task.status === 'answered'
              ? `Answered ${task.answeredAt === null ? '' : formatDate(task.answeredAt)} (${task.answerKind === 'recording' ? 'recorded' : 'typed'}), answer ${task.position + 1} of the interview.`
              : task.status === 'revoked'
                ? 'Withdrawn by the hiring team.'
                : `Waiting for the candidate's answer until ${formatDate(task.expiresAt)}.`}
            {task.status === 'answered' &&
              task.afterScorecardId === null &&
              ' The new scorecard is being prepared.'}
          </p>
          {data.comparison.length > 0 && (
            <table className="stack-table" data-testid="micro-task-comparison">
              <caption className="visually-hidden">Each competency before and after the micro-task</caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Quotes from the answer</th>
                </tr>
              </thead>
              <tbody>
                {data.comparison.map((c) => (
                  <tr key={c.id} className={c.id === task.competencyId ? 'highlight' : undefined}>
                    <th scope="row">
                      {c.name}
                      {c.id === task.competencyId && <span className="muted small"> (asked about)</span>}
                    </th>
                    <td>{cell(c.before, c.beforeConfidence)}</td>
                    <td>{cell(c.after, c.afterConfidence)}</td>
                    <td>{c.evidenceFromAnswer}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function cell(score: number | null, confidence: number): string {
  return score === null
    ? 'insufficient evidence'
    : `${formatScore(score)} (confidence ${formatShare(confidence)})`;
}
