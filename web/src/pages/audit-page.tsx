import { useState, type FormEvent } from 'react';
import { api, type AuditQuery, type AuditReport } from '../api';
import { Async } from '../components/status';
import { PageHeader } from '../page';
import { useApi } from '../use-api';
import { auditCsv, auditFileName, download } from './audit/audit-download';
import { CategorySection } from './audit/category-table';
import { GapSection } from './audit/gap-section';

/**
 * The adverse-impact audit (issue 12) for auditors and admins: filters, the summary in the
 * layout of a NYC Local Law 144 bias-audit summary, one table and chart per category, and the
 * audit as CSV or JSON.
 */
export function AuditPage() {
  const [query, setQuery] = useState<AuditQuery>({});
  const report = useApi(() => api.audit.report(query), [query]);
  return (
    <div className="page">
      <PageHeader
        title="Adverse-impact audit"
        actions={report.data ? <Downloads report={report.data} /> : null}
      >
        <p className="muted">
          Selection and scoring rates per group, impact ratios against the highest group and the four-fifths
          rule (29 CFR 1607.4(D)), with a significance test. Demographics are self-identified and never shown
          to the hiring team or used in scoring. See docs/fairness.md for how each figure is computed.
        </p>
      </PageHeader>
      <Filters onApply={setQuery} />
      <Async state={report} label="Computing the audit…">
        {(r) => <Report report={r} />}
      </Async>
    </div>
  );
}

function Downloads({ report }: { report: AuditReport }) {
  return (
    <div className="button-row">
      <button
        type="button"
        className="button secondary"
        onClick={() => download(auditCsv(report), auditFileName(report, 'csv'), 'text/csv')}
      >
        Download CSV
      </button>
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          download(JSON.stringify(report, null, 2) + '\n', auditFileName(report, 'json'), 'application/json')
        }
      >
        Download JSON
      </button>
    </div>
  );
}

function Filters({ onApply }: { onApply: (query: AuditQuery) => void }) {
  // Admins may list jobs; an auditor may not, and types a job id instead.
  const jobs = useApi(() => api.jobs.list(), []);
  const [jobId, setJobId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ jobId: jobId.trim() || undefined, from: from || undefined, to: to || undefined });
  };
  return (
    <form className="card audit-filters" onSubmit={submit} aria-label="Audit filters">
      <div className="field">
        <label htmlFor="audit-job">Job</label>
        {jobs.data ? (
          <select id="audit-job" value={jobId} onChange={(e) => setJobId(e.target.value)}>
            <option value="">All jobs</option>
            {jobs.data.jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </select>
        ) : (
          <input
            id="audit-job"
            value={jobId}
            placeholder="All jobs (or a job id)"
            onChange={(e) => setJobId(e.target.value)}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="audit-from">Applied from</label>
        <input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">Applied to</label>
        <input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="button primary">
        Run audit
      </button>
    </form>
  );
}

/** Dates as the API's UTC calendar day (YYYY-MM-DD), so a `to` bound never shows as the next day. */
const day = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 10));

function Report({ report: r }: { report: AuditReport }) {
  const flagged = r.categories.flatMap((c) =>
    c.flagged.map((g) => `${c.title}: ${c.groups.find((x) => x.group === g)?.label ?? g}`),
  );
  return (
    <>
      <section className="card" aria-labelledby="audit-summary" data-testid="audit-summary">
        <h2 id="audit-summary">Summary of results</h2>
        <dl className="audit-summary">
          <dt>Tool</dt>
          <dd>
            {r.tool.name} {r.tool.version}
            {r.tool.frameworks.length > 0 ? ` · frameworks ${r.tool.frameworks.join(', ')}` : ''}
          </dd>
          <dt>Date of audit</dt>
          <dd>{day(r.auditDate)}</dd>
          <dt>Scope</dt>
          <dd>
            {r.scope.job === null ? 'All jobs' : r.scope.job.title} · applications{' '}
            {r.scope.from === null && r.scope.to === null
              ? 'of any date'
              : `from ${day(r.scope.from)} to ${day(r.scope.to)}`}
          </dd>
          <dt>Data from</dt>
          <dd>
            {r.scope.firstApplication === null
              ? 'no application'
              : `${day(r.scope.firstApplication)} to ${day(r.scope.lastApplication)}`}
          </dd>
          <dt>Applicants audited</dt>
          <dd data-testid="audit-total">
            {r.total} · {r.advanced} advanced · {r.scored} scored
            {r.medianScore === null ? '' : ` (median score ${r.medianScore.toFixed(1)})`}
          </dd>
          <dt>Unknown category</dt>
          <dd data-testid="audit-unknown">
            {r.unknownDemographics} with no demographic data on record (left out of every table)
          </dd>
        </dl>
        {flagged.length > 0 ? (
          <p className="audit-flag-summary" role="note">
            ⚑ {flagged.length} group{flagged.length === 1 ? '' : 's'} flagged: {flagged.join('; ')}.
          </p>
        ) : r.total > 0 ? (
          <p className="muted">No group is under four-fifths with a significant difference.</p>
        ) : null}
        {r.notes.length > 0 ? (
          <div className="audit-notes">
            <h3>Not computed, and why</h3>
            <ul>
              {r.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      {r.total > 0 ? r.categories.map((c) => <CategorySection key={c.category} category={c} />) : null}
      {(r.gaps ?? []).map((g) => (
        <GapSection key={`${g.category}/${g.group}`} gap={g} />
      ))}
    </>
  );
}
