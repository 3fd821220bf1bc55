import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, type Ranking, type RankingView } from '../api';
import { ConfidenceNote } from '../components/confidence-note';
import { Async, EmptyState } from '../components/status';
import { PageHeader } from '../page';
import { Link } from '../router';
import { DECIDERS, RATERS, RECRUITERS, useUser } from '../session';
import { useApi } from '../use-api';
import { AddCandidateForm } from './job/add-candidate-form';
import { AgreementPanel } from './job/agreement-panel';
import { InterviewUpload } from './job/interview-upload';
import { InvitationsPanel } from './job/invitations-panel';
import { PulsePanel } from './job/pulse-panel';
import { RankingControls } from './job/ranking-controls';
import { RankingTable } from './job/ranking-table';

/** Candidates per page of the ranking table. */
const PAGE_SIZE = 50;

/** One job: its candidates ranked by overall fit, and the forms that add candidates and interviews. */
export function JobPage({ jobId }: { jobId: string }) {
  const user = useUser();
  // Every candidate (for the forms and the agreement panel), and the page the table shows.
  const ranking = useApi(() => api.jobs.ranking(jobId), [jobId]);
  const [view, setView] = useState<RankingView>({});
  const [offset, setOffset] = useState(0);
  const viewKey = JSON.stringify(view);
  const shown = useApi(
    () => api.jobs.ranking(jobId, view, { limit: PAGE_SIZE, offset }),
    [jobId, viewKey, offset],
  );
  const changeView = useCallback((next: RankingView) => {
    setView(next);
    setOffset(0);
  }, []);
  const canEdit = RECRUITERS.includes(user.role);
  const canRate = RATERS.includes(user.role);
  const analysing = ranking.data?.ranking.some((row) => row.status === 'analysing') ?? false;
  const reloadBoth = useCallback(() => {
    ranking.reload();
    shown.reload();
  }, [ranking.reload, shown.reload]);

  // While an analysis runs that this page did not start, look again every few seconds.
  useEffect(() => {
    if (!analysing) return;
    const timer = window.setInterval(reloadBoth, 4000);
    return () => window.clearInterval(timer);
  }, [analysing, reloadBoth]);

  const job = ranking.data?.job;
  return (
    <div className="page">
      <PageHeader
        title={job?.title ?? 'Job'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/jobs">Jobs</Link>
          </nav>
        }
      >
        {job && <SkillChips skills={job.skills} />}
      </PageHeader>
      <Async state={ranking} label="Loading candidates…">
        {(data) => (
          <>
            {(data.job.description || data.job.skills.length > 0) && (
              <details className="job-description">
                <summary>Job description and skills</summary>
                {data.job.description && <p>{data.job.description}</p>}
                {data.job.skills.length > 0 && (
                  <>
                    <h2 className="subheading">Skills ({data.job.skills.length})</h2>
                    <ul className="skill-list">
                      {data.job.skills.map((skill) => (
                        <li key={skill}>{skill}</li>
                      ))}
                    </ul>
                  </>
                )}
              </details>
            )}
            <section className="card" aria-labelledby="ranking-heading">
              <div className="section-head">
                <h2 id="ranking-heading">Candidates by overall fit</h2>
                <p className="muted small">
                  Scores are recommendations from the interview evidence. A person decides who advances.
                </p>
              </div>
              {data.ranking.length === 0 ? (
                <EmptyState title="No candidates yet">
                  {canEdit
                    ? 'Add a candidate below, then upload their interview transcript or answer recordings.'
                    : 'A recruiter adds candidates and their interviews; they appear here ranked by fit.'}
                </EmptyState>
              ) : (
                <>
                  <RankingControls jobId={jobId} view={view} onChange={changeView} />
                  <ConfidenceNote />
                  <Async state={shown} label="Loading candidates…">
                    {(page) => (
                      <ShownPage page={page} loading={shown.loading} offset={offset} onOffset={setOffset}>
                        <RankingTable
                          jobId={jobId}
                          rows={page.ranking}
                          view={view}
                          onView={changeView}
                          canRate={canRate}
                        />
                      </ShownPage>
                    )}
                  </Async>
                </>
              )}
            </section>
            {canEdit && (
              <div className="grid-2">
                <AddCandidateForm jobId={jobId} existing={data.ranking} onAdded={reloadBoth} />
                <InterviewUpload rows={data.ranking} onChanged={reloadBoth} />
              </div>
            )}
            <InvitationsPanel jobId={jobId} canEdit={canEdit} />
            {/* The pulse route answers the hiring team: admins, recruiters and hiring managers. */}
            {DECIDERS.includes(user.role) && <PulsePanel jobId={jobId} />}
            {canRate && data.ranking.length > 0 && (
              <AgreementPanel
                jobId={jobId}
                names={new Map(data.ranking.flatMap((row) => row.competencies.map((c) => [c.id, c.name])))}
              />
            )}
          </>
        )}
      </Async>
    </div>
  );
}

/** The table's page of the ranking, with its count and the buttons to the next and previous pages. */
function ShownPage({
  page: state,
  loading,
  offset,
  onOffset,
  children,
}: {
  page: Ranking;
  loading: boolean;
  offset: number;
  onOffset: (offset: number) => void;
  children: ReactNode;
}) {
  const first = state.total === 0 ? 0 : offset + 1;
  const last = offset + state.ranking.length;
  return (
    <div aria-busy={loading}>
      <p className="muted small" role="status" data-testid="ranking-count">
        {state.total === 0
          ? 'No candidate matches these filters.'
          : `Showing ${first.toLocaleString()}–${last.toLocaleString()} of ${state.total.toLocaleString()} candidates.`}
      </p>
      {state.ranking.length > 0 && children}
      {state.total > PAGE_SIZE && (
        <div className="button-row pager">
          <button
            type="button"
            className="button secondary"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Previous
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={last >= state.total}
            onClick={() => onOffset(offset + PAGE_SIZE)}
          >
            Next
          </button>
        </div>
      )}
    </div>
  );
}

const CHIP_MAX = 6;
const CHIP_LENGTH = 36;

/** The job's short skills as chips under the title; long or many skills are listed in the description. */
function SkillChips({ skills }: { skills: readonly string[] }) {
  const short = skills.filter((s) => s.length <= CHIP_LENGTH).slice(0, CHIP_MAX);
  if (short.length === 0) return null;
  const more = skills.length - short.length;
  return (
    <ul className="chips" aria-label="Skills">
      {short.map((skill) => (
        <li key={skill} className="chip">
          {skill}
        </li>
      ))}
      {more > 0 && <li className="chip muted">+{more} more in the description</li>}
    </ul>
  );
}
