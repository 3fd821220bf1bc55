import { useMemo, useState } from 'react';
import { api, type CohortDetail } from '../api';
import { Chart } from '../charts/chart';
import { cohortOption, trendOption } from '../charts/options';
import { ScoreBar } from '../components/score-bar';
import { SeriesFilter } from '../components/series-filter';
import { Async, EmptyState } from '../components/status';
import { formatDate, formatScore, formatShare } from '../format';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';
import { AddStudentsForm } from './cohort/add-students-form';

/** A cohort: the spread of each competency, the skills it lacks most, the weekly trend, the students. */
export function CohortPage({ cohortId }: { cohortId: string }) {
  const state = useApi(() => api.cohorts.get(cohortId), [cohortId]);
  return (
    <div className="page">
      <PageHeader
        title={state.data?.cohort.name ?? 'Cohort'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/cohorts">Cohorts</Link>
          </nav>
        }
      />
      <Async state={state} label="Loading cohort…">
        {(data) => <CohortView data={data} onChanged={state.reload} />}
      </Async>
    </div>
  );
}

function CohortView({ data, onChanged }: { data: CohortDetail; onChanged: () => void }) {
  const distribution = useMemo(() => cohortOption(data.competencies), [data.competencies]);
  const [only, setOnly] = useState<string | null>(null);
  const trend = useMemo(() => trendOption(data, only), [data, only]);
  const scored = data.competencies.some((c) => c.median !== null);
  const label =
    'Spread of scores per competency across the cohort: ' +
    data.competencies
      .map((c) =>
        c.median === null
          ? `${c.name} not scored yet`
          : `${c.name} median ${formatScore(c.median)}, middle half ${formatScore(c.p25)} to ${formatScore(c.p75)}`,
      )
      .join('; ');

  return (
    <>
      <div className="layout-aside">
        <section className="card" aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">Skills across the cohort</h2>
          <p className="muted small">
            Each student counts once, with the mean of their last three scored sessions. The box spans the
            middle half of the students, the line inside it is the median, the whiskers reach the lowest and
            highest.
          </p>
          {scored ? (
            <Chart
              option={distribution}
              label={label}
              testId="cohort-chart"
              height={Math.max(200, data.competencies.length * 34 + 40)}
            />
          ) : (
            <EmptyState title="No scored sessions yet">
              The chart fills in once students in this cohort have practised and received feedback.
            </EmptyState>
          )}
          {scored && <DistributionTable data={data} />}
        </section>
        <section className="card" aria-labelledby="lacks-heading">
          <h2 id="lacks-heading">Lacks most</h2>
          {data.lacksMost.length === 0 ? (
            <p className="muted">Nothing to show until students have scored sessions.</p>
          ) : (
            <ol className="lacks" data-testid="lacks-most">
              {data.lacksMost.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>
                  <div className="muted small">
                    median {formatScore(c.median)} · {formatShare(c.shareBelow50)} of students below 50
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">Trend by week</h2>
        {data.trend.length === 0 ? (
          <EmptyState title="No weeks to show yet">
            The weekly trend starts with the cohort's first session.
          </EmptyState>
        ) : (
          <>
            <SeriesFilter
              id="trend-filter"
              competencies={data.competencies}
              value={only}
              onChange={setOnly}
            />
            <Chart
              option={trend}
              label={`Weekly mean score per competency and number of sessions over ${data.trend.length} weeks, from the week of ${data.trend[0]?.week ?? ''}.`}
              testId="trend-chart"
              height={340}
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="students-heading">
        <h2 id="students-heading">Students</h2>
        {data.students.length === 0 ? (
          <EmptyState title="No students in this cohort">
            Add students below; they need a student account.
          </EmptyState>
        ) : (
          <div
            className="table-wrap"
            tabIndex={0}
            role="group"
            aria-label="Table (scrolls sideways on a narrow screen)"
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col" className="num">
                    Sessions
                  </th>
                  <th scope="col">Latest overall</th>
                  <th scope="col">Last practice</th>
                </tr>
              </thead>
              <tbody>
                {[...data.students]
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((s) => (
                    <tr key={s.userId}>
                      <th scope="row">
                        <Link to={`/cohorts/${data.cohort.id}/students/${s.userId}`}>{s.name}</Link>
                        <div className="cell-note">{s.email}</div>
                      </th>
                      <td className="num">{s.sessions}</td>
                      <td>
                        <ScoreBar score={s.latestOverall} empty="—" />
                      </td>
                      <td>{s.lastPractice ? formatDate(s.lastPractice) : 'Not yet'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
        <AddStudentsForm
          cohortId={data.cohort.id}
          members={data.students.map((s) => s.userId)}
          onAdded={onChanged}
        />
      </section>
    </>
  );
}

function DistributionTable({ data }: { data: CohortDetail }) {
  return (
    <details className="numbers">
      <summary>The numbers behind the chart</summary>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Table (scrolls sideways on a narrow screen)"
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="num">
                Students
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                Middle half
              </th>
              <th scope="col" className="num">
                Range
              </th>
              <th scope="col" className="num">
                Below 50
              </th>
            </tr>
          </thead>
          <tbody>
            {data.competencies.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="num">{c.scores.length}</td>
                <td className="num">{formatScore(c.median)}</td>
                <td className="num">
                  {c.median === null ? '—' : `${formatScore(c.p25)}–${formatScore(c.p75)}`}
                </td>
                <td className="num">
                  {c.median === null ? '—' : `${formatScore(c.min)}–${formatScore(c.max)}`}
                </td>
                <td className="num">{c.scores.length === 0 ? '—' : formatShare(c.shareBelow50)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
