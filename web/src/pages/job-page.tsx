import { useEffect } from 'react';
import { api } from '../api';
import { Async, EmptyState } from '../components/status';
import { PageHeader } from '../page';
import { Link } from '../router';
import { RATERS, RECRUITERS, useUser } from '../session';
import { useApi } from '../use-api';
import { AddCandidateForm } from './job/add-candidate-form';
import { AgreementPanel } from './job/agreement-panel';
import { InterviewUpload } from './job/interview-upload';
import { RankingTable } from './job/ranking-table';

/** One job: its candidates ranked by overall fit, and the forms that add candidates and interviews. */
export function JobPage({ jobId }: { jobId: string }) {
  const user = useUser();
  const ranking = useApi(() => api.jobs.ranking(jobId), [jobId]);
  const canEdit = RECRUITERS.includes(user.role);
  const canRate = RATERS.includes(user.role);
  const analysing = ranking.data?.ranking.some((row) => row.status === 'analysing') ?? false;

  // While an analysis runs that this page did not start, look again every few seconds.
  useEffect(() => {
    if (!analysing) return;
    const timer = window.setInterval(ranking.reload, 4000);
    return () => window.clearInterval(timer);
  }, [analysing, ranking.reload]);

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
                <RankingTable jobId={jobId} rows={data.ranking} canRate={canRate} />
              )}
              {data.total > data.ranking.length && (
                <p className="muted small">
                  Showing the top {data.ranking.length.toLocaleString()} of {data.total.toLocaleString()}{' '}
                  candidates.
                </p>
              )}
            </section>
            {canEdit && (
              <div className="grid-2">
                <AddCandidateForm jobId={jobId} existing={data.ranking} onAdded={ranking.reload} />
                <InterviewUpload rows={data.ranking} onChanged={ranking.reload} />
              </div>
            )}
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
