import { useMemo } from 'react';
import { api, type Comparison } from '../api';
import { Chart } from '../charts/chart';
import { compareOption } from '../charts/options';
import { Async, EmptyState } from '../components/status';
import { ScoreBar } from '../components/score-bar';
import { formatShare, formatStage } from '../format';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';

/** Two to four candidates of one job side by side: a grouped bar chart and one row per competency. */
export function ComparePage({ jobId, applicationIds }: { jobId: string; applicationIds: readonly string[] }) {
  const key = applicationIds.join(',');
  const valid = applicationIds.length >= 2 && applicationIds.length <= 4;
  const state = useApi(
    () => (valid ? api.jobs.compare(jobId, applicationIds) : Promise.resolve(null)),
    [jobId, key],
  );
  const job = state.data?.job;
  return (
    <div className="page">
      <PageHeader
        title={job ? `Compare candidates — ${job.title}` : 'Compare candidates'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span>{' '}
            <Link to={`/jobs/${jobId}`}>{job?.title ?? 'Job'}</Link>
          </nav>
        }
      >
        <p className="muted">Scores are recommendations; read each scorecard's evidence before deciding.</p>
      </PageHeader>
      {!valid ? (
        <EmptyState title="Pick 2 to 4 candidates">
          Go back to <Link to={`/jobs/${jobId}`}>the job</Link>, tick 2 to 4 candidates and choose Compare.
        </EmptyState>
      ) : (
        <Async state={state} label="Loading comparison…">
          {(data) => (data ? <ComparisonView data={data} /> : null)}
        </Async>
      )}
    </div>
  );
}

function ComparisonView({ data }: { data: Comparison }) {
  const option = useMemo(() => compareOption(data), [data]);
  const label =
    'Scores per competency for ' +
    data.candidates
      .map(
        (c) =>
          `${c.candidateName} (overall ${c.overallScore === null ? 'no score' : Math.round(c.overallScore)})`,
      )
      .join(', ');
  const best = (id: string) => {
    const values = data.candidates.map((c) => c.scores[id]).filter((v): v is number => typeof v === 'number');
    return values.length > 1 ? Math.max(...values) : null;
  };

  return (
    <>
      <section className="card" aria-labelledby="compare-chart-heading">
        <h2 id="compare-chart-heading">Competencies side by side</h2>
        <Chart
          option={option}
          label={label}
          testId="compare-chart"
          height={Math.max(240, data.competencies.length * (data.candidates.length * 12 + 18) + 80)}
        />
      </section>
      <section className="card" aria-labelledby="compare-table-heading">
        <h2 id="compare-table-heading">Details</h2>
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Table (scrolls sideways on a narrow screen)"
        >
          <table className="compare">
            <thead>
              <tr>
                <td />
                {data.candidates.map((c) => (
                  <th scope="col" key={c.applicationId}>
                    {c.scorecardId ? (
                      <Link to={`/scorecards/${c.scorecardId}`}>{c.candidateName}</Link>
                    ) : (
                      c.candidateName
                    )}
                    <div className="cell-note">{formatStage(c.stage)}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="overall-row">
                <th scope="row">Overall fit</th>
                {data.candidates.map((c) => (
                  <td key={c.applicationId}>
                    <ScoreBar score={c.overallScore} empty="No score" />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Confidence</th>
                {data.candidates.map((c) => (
                  <td key={c.applicationId}>{formatShare(c.confidence)}</td>
                ))}
              </tr>
              {data.competencies.map((competency) => {
                const top = best(competency.id);
                return (
                  <tr key={competency.id}>
                    <th scope="row">{competency.name}</th>
                    {data.candidates.map((c) => {
                      const score = c.scores[competency.id] ?? null;
                      return (
                        <td
                          key={c.applicationId}
                          className={score !== null && score === top ? 'best' : undefined}
                        >
                          {score === null ? (
                            <span className="muted">Insufficient evidence</span>
                          ) : (
                            <ScoreBar score={score} />
                          )}
                          {score !== null && score === top && (
                            <span className="visually-hidden"> (highest)</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">Strengths</th>
                {data.candidates.map((c) => (
                  <td key={c.applicationId}>{c.strengths.join(', ') || '—'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Gaps</th>
                {data.candidates.map((c) => (
                  <td key={c.applicationId}>{c.gaps.join(', ') || '—'}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className="muted small">
          The highest score in a row is marked; a difference of a few points is within the measurement's
          noise.
        </p>
      </section>
    </>
  );
}
