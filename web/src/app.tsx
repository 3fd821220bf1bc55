import { useEffect, type ReactNode } from 'react';
import type { Role } from './api';
import { FairnessBanner } from './components/fairness-banner';
import { Loading } from './components/status';
import { AdminActivityPage } from './pages/admin/activity-page';
import { AdminAgentPage } from './pages/admin/agent-page';
import { AdminFrameworkPage } from './pages/admin/framework-page';
import { AdminFrameworksPage } from './pages/admin/frameworks-page';
import { AdminQuestionSetPage } from './pages/admin/question-set-page';
import { AdminQuestionSetsPage } from './pages/admin/question-sets-page';
import { AdminSettingsPage } from './pages/admin/settings-page';
import { AdminTokensPage } from './pages/admin/tokens-page';
import { AdminUsersPage } from './pages/admin/users-page';
import { AuditPage } from './pages/audit-page';
import { CandidatePage } from './pages/candidate-page';
import { CohortPage } from './pages/cohort-page';
import { CohortsPage } from './pages/cohorts-page';
import { ComparePage } from './pages/compare-page';
import { InboxPage } from './pages/inbox-page';
import { InterviewPage } from './pages/interview/interview-page';
import { KnowledgeImportPage } from './pages/knowledge/import-page';
import { KnowledgeSearchPage } from './pages/knowledge/search-page';
import { JobPage } from './pages/job-page';
import { KnowledgeTrendsPage } from './pages/knowledge/trends-page';
import { JobsPage } from './pages/jobs-page';
import { KnowledgeTopicsPage } from './pages/knowledge/topics-page';
import { LoginPage } from './pages/login-page';
import { ModelPage } from './pages/model-page';
import { ModelsPage } from './pages/models-page';
import { NotFoundPage, WrongRolePage } from './pages/not-found-page';
import { PracticePage } from './pages/practice-page';
import { RatePage } from './pages/rate-page';
import { SchedulePage } from './pages/schedule/schedule-page';
import { ScorecardPage } from './pages/scorecard-page';
import { StudentPage } from './pages/student-page';
import { TakePage } from './pages/take/take-page';
import { Link, matchPath, navigate, useLocation } from './router';
import { homeFor, RATERS, ROLE_LABEL, useSession } from './session';
import { safeNext } from './safe-next';

interface Route {
  readonly path: string;
  /** Who may open the page; absent = any signed-in user. */
  readonly roles?: readonly Role[];
  readonly render: (params: Record<string, string>, search: URLSearchParams) => ReactNode;
}

const HIRING: readonly Role[] = ['admin', 'recruiter', 'hiring_manager'];
const ADVISING: readonly Role[] = ['admin', 'advisor'];
const MODEL_READERS: readonly Role[] = ['admin', 'recruiter'];
/** Who answers candidates' replies in the agent's inbox (the API's RECRUITERS). */
const INBOX_READERS: readonly Role[] = ['admin', 'recruiter'];
/** Who runs the admin console (users, tokens, settings, frameworks, question sets, activity). */
const ADMINS: readonly Role[] = ['admin'];
/** Who runs the adverse-impact audit (the API's AUDIT_READERS). */
const AUDIT_READERS: readonly Role[] = ['auditor', 'admin'];
/** Who imports, searches, tags and follows conversations (the API's GET /search and /knowledge/*). */
const KNOWLEDGE_USERS: readonly Role[] = ['admin', 'recruiter'];

/** `?segment=<position>&t=<seconds>` of an interview link (a search result's moment). */
function interviewFocus(search: URLSearchParams) {
  const number = (name: string) => {
    const value = search.get(name);
    const n = value === null || value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(n) && n >= 0 ? n : null;
  };
  return { segment: number('segment'), time: number('t') };
}

const ROUTES: readonly Route[] = [
  { path: '/jobs', roles: HIRING, render: () => <JobsPage /> },
  { path: '/jobs/:id', roles: HIRING, render: (p) => <JobPage key={p.id} jobId={p.id ?? ''} /> },
  {
    path: '/jobs/:id/compare',
    roles: HIRING,
    render: (p, search) => (
      <ComparePage
        jobId={p.id ?? ''}
        applicationIds={(search.get('applications') ?? '').split(',').filter(Boolean)}
      />
    ),
  },
  {
    path: '/candidates/:id',
    roles: HIRING,
    render: (p) => <CandidatePage key={p.id} candidateId={p.id ?? ''} />,
  },
  { path: '/inbox', roles: INBOX_READERS, render: () => <InboxPage /> },
  { path: '/scorecards/:id', render: (p) => <ScorecardPage key={p.id} scorecardId={p.id ?? ''} /> },
  {
    path: '/interviews/:id/rate',
    roles: RATERS,
    render: (p, search) => <RatePage key={p.id} interviewId={p.id ?? ''} jobId={search.get('job')} />,
  },
  { path: '/models', roles: MODEL_READERS, render: () => <ModelsPage /> },
  {
    path: '/models/:id',
    roles: MODEL_READERS,
    render: (p, search) => {
      const version = Number(search.get('version'));
      return (
        <ModelPage
          key={`${p.id}@${version}`}
          modelId={p.id ?? ''}
          {...(Number.isInteger(version) && version > 0 ? { version } : {})}
        />
      );
    },
  },
  { path: '/knowledge', roles: KNOWLEDGE_USERS, render: () => <Redirect to="/knowledge/search" /> },
  {
    path: '/knowledge/search',
    roles: KNOWLEDGE_USERS,
    render: (_p, search) => <KnowledgeSearchPage search={search} />,
  },
  { path: '/knowledge/import', roles: KNOWLEDGE_USERS, render: () => <KnowledgeImportPage /> },
  {
    path: '/interviews/:id',
    render: (p, search) => (
      <InterviewPage key={p.id} interviewId={p.id ?? ''} focus={interviewFocus(search)} />
    ),
  },
  { path: '/audit', roles: AUDIT_READERS, render: () => <AuditPage /> },
  { path: '/knowledge/trends', roles: KNOWLEDGE_USERS, render: () => <KnowledgeTrendsPage /> },
  { path: '/knowledge/topics', roles: KNOWLEDGE_USERS, render: () => <KnowledgeTopicsPage /> },
  { path: '/admin', roles: ADMINS, render: () => <Redirect to="/admin/users" /> },
  { path: '/users', roles: ADMINS, render: () => <Redirect to="/admin/users" /> },
  { path: '/settings', roles: ADMINS, render: () => <Redirect to="/admin/settings" /> },
  { path: '/admin/users', roles: ADMINS, render: () => <AdminUsersPage /> },
  { path: '/admin/tokens', roles: ADMINS, render: () => <AdminTokensPage /> },
  { path: '/admin/settings', roles: ADMINS, render: () => <AdminSettingsPage /> },
  { path: '/admin/frameworks', roles: ADMINS, render: () => <AdminFrameworksPage /> },
  {
    path: '/admin/frameworks/:id',
    roles: ADMINS,
    render: (p, search) => (
      <AdminFrameworkPage key={p.id} frameworkId={p.id ?? ''} version={search.get('version')} />
    ),
  },
  { path: '/admin/question-sets', roles: ADMINS, render: () => <AdminQuestionSetsPage /> },
  {
    path: '/admin/question-sets/:id',
    roles: ADMINS,
    render: (p) => <AdminQuestionSetPage key={p.id} setId={p.id === 'new' ? null : (p.id ?? '')} />,
  },
  { path: '/admin/activity', roles: ADMINS, render: () => <AdminActivityPage /> },
  { path: '/admin/agent', roles: ADMINS, render: () => <AdminAgentPage /> },
  { path: '/practice', roles: ['candidate'], render: () => <PracticePage /> },
  { path: '/cohorts', roles: ADVISING, render: () => <CohortsPage /> },
  { path: '/cohorts/:id', roles: ADVISING, render: (p) => <CohortPage key={p.id} cohortId={p.id ?? ''} /> },
  {
    path: '/cohorts/:id/students/:userId',
    roles: ADVISING,
    render: (p) => <StudentPage key={`${p.id}/${p.userId}`} cohortId={p.id ?? ''} userId={p.userId ?? ''} />,
  },
];

const NAV: readonly { to: string; label: string; roles: readonly Role[] }[] = [
  { to: '/jobs', label: 'Jobs', roles: HIRING },
  { to: '/inbox', label: 'Inbox', roles: INBOX_READERS },
  { to: '/practice', label: 'Practice', roles: ['candidate'] },
  { to: '/cohorts', label: 'Cohorts', roles: ADVISING },
  { to: '/knowledge', label: 'Knowledge', roles: KNOWLEDGE_USERS },
  { to: '/models', label: 'Models', roles: MODEL_READERS },
  { to: '/audit', label: 'Audit', roles: AUDIT_READERS },
  { to: '/admin', label: 'Admin', roles: ADMINS },
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** The app: a header with role-aware navigation, and the page of the current path. */
export function App() {
  const { user, signOut } = useSession();
  const { pathname, search, href } = useLocation();

  // The candidate's interview by link: public (the token is the key), no sign-in, no app navigation.
  const take = matchPath('/take/:token', pathname);
  if (take) return <TakePage key={take.token} token={take.token ?? ''} />;
  // Picking an interview time by link: public too.
  const schedule = matchPath('/schedule/:token', pathname);
  if (schedule) return <SchedulePage key={schedule.token} token={schedule.token ?? ''} />;

  if (user === undefined) {
    return (
      <main id="main" className="shell-loading">
        <Loading />
      </main>
    );
  }

  if (user === null) {
    if (pathname !== '/login') {
      const next = pathname === '/' ? '' : `?next=${encodeURIComponent(href)}`;
      return <Redirect to={`/login${next}`} />;
    }
    return <LoginPage />;
  }

  if (pathname === '/' || pathname === '/login') {
    const target = safeNext(search.get('next')) ?? homeFor(user.role);
    return <Redirect to={target} />;
  }

  let page: ReactNode = <NotFoundPage />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    page = route.roles && !route.roles.includes(user.role) ? <WrongRolePage /> : route.render(params, search);
    break;
  }

  const links = NAV.filter((item) => item.roles.includes(user.role));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to={homeFor(user.role)} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Candor
          </Link>
          <nav aria-label="Main">
            <ul>
              {links.map((item) => {
                const active = pathname === item.to || pathname.startsWith(item.to + '/');
                return (
                  <li key={item.to}>
                    <Link to={item.to} aria-current={active ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="account">
            <span className="account-name">
              {user.name}
              <span className="account-role">{ROLE_LABEL[user.role]}</span>
            </span>
            <button type="button" className="button secondary small" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      {AUDIT_READERS.includes(user.role) ? <FairnessBanner /> : null}
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}
