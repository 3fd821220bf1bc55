import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api';
import {
  knowledgeApi,
  SEARCH_FILTERS,
  type SavedSearch,
  type SearchFilterName,
  type SearchFilters,
  type SearchInterviewHit,
} from '../../api/knowledge-search';
import { Async, EmptyState } from '../../components/status';
import { formatClock, formatDate } from '../../format';
import { PageHeader } from '../../page';
import { Link, navigate } from '../../router';
import { useApi } from '../../use-api';
import { KnowledgeTabs } from './knowledge-tabs';
import { Snippet } from './snippet';

const PAGE_SIZE = 20;

const FILTER_LABEL: Record<SearchFilterName, string> = {
  kind: 'Kind',
  from: 'From',
  to: 'To',
  speaker: 'Speaker',
  account: 'Account',
  topic: 'Topic',
  competitor: 'Competitor',
  sentiment: 'Sentiment',
};
const FILTER_HINT: Partial<Record<SearchFilterName, string>> = {
  kind: 'customer,exit',
  speaker: 'any letter case',
  topic: 'pricing',
  competitor: 'Acme',
  sentiment: 'negative',
};

/** The search the URL holds: `?q=…&kind=…&page=2`, so a result list can be bookmarked. */
function fromUrl(search: URLSearchParams): { q: string; filters: SearchFilters; page: number } {
  const filters: SearchFilters = {};
  for (const name of SEARCH_FILTERS) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  const page = Number(search.get('page'));
  return { q: search.get('q') ?? '', filters, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

function toUrl(q: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  for (const name of SEARCH_FILTERS) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  return `/knowledge/search?${params.toString()}`;
}

/**
 * `/knowledge/search`: the query and filters, the conversations that match grouped by interview
 * with their marked moments (a click opens the interview at that moment), paging, and the user's
 * saved searches.
 */
export function KnowledgeSearchPage({ search }: { search: URLSearchParams }) {
  const current = fromUrl(search);
  const key = search.toString();
  return (
    <div className="page knowledge-page">
      <PageHeader title="Search conversations">
        <p className="muted">
          Words all in one moment, <code>"quoted phrases"</code>, <code>OR</code>, <code>-excluded</code>,{' '}
          <code>prefix*</code>.
        </p>
      </PageHeader>
      <KnowledgeTabs current="search" />
      <div className="knowledge-layout">
        <div className="knowledge-main">
          <SearchForm key={key} initial={current} />
          {current.q ? (
            <Results q={current.q} filters={current.filters} page={current.page} />
          ) : (
            <EmptyState title="Search every imported conversation">
              Type what customers said, e.g. <code>export breaks</code>, or{' '}
              <Link to="/knowledge/import">import conversations</Link> first.
            </EmptyState>
          )}
        </div>
        <SavedSearches q={current.q} filters={current.filters} />
      </div>
    </div>
  );
}

function SearchForm({ initial }: { initial: { q: string; filters: SearchFilters } }) {
  const [q, setQ] = useState(initial.q);
  const [filters, setFilters] = useState<SearchFilters>(initial.filters);
  const [more, setMore] = useState(Object.keys(initial.filters).length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(toUrl(q, filters));
  };
  return (
    <form className="card search-form" role="search" onSubmit={submit}>
      <div className="search-line">
        <label htmlFor="search-q" className="visually-hidden">
          Search conversations
        </label>
        <input
          id="search-q"
          type="search"
          value={q}
          placeholder="What did they say?"
          maxLength={1000}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button primary">
          Search
        </button>
      </div>
      <button
        type="button"
        className="link-button small"
        aria-expanded={more}
        aria-controls="search-filters"
        onClick={() => setMore(!more)}
      >
        {more ? 'Hide filters' : 'Filters'}
      </button>
      {more && (
        <div className="search-filters" id="search-filters">
          {SEARCH_FILTERS.map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`filter-${name}`}>{FILTER_LABEL[name]}</label>
              <input
                id={`filter-${name}`}
                type={name === 'from' || name === 'to' ? 'date' : 'text'}
                value={filters[name] ?? ''}
                placeholder={FILTER_HINT[name]}
                maxLength={200}
                onChange={(e) => setFilters({ ...filters, [name]: e.target.value })}
              />
            </div>
          ))}
        </div>
      )}
    </form>
  );
}

function Results({ q, filters, page }: { q: string; filters: SearchFilters; page: number }) {
  const state = useApi(
    () => knowledgeApi.search(q, filters, (page - 1) * PAGE_SIZE, PAGE_SIZE),
    [q, JSON.stringify(filters), page],
  );
  return (
    <Async state={state} label="Searching…">
      {(results) => {
        const pages = Math.max(1, Math.ceil(results.total / PAGE_SIZE));
        return (
          <section aria-labelledby="results-heading" data-testid="search-results">
            <h2 className="section-title" id="results-heading" aria-live="polite">
              {results.total === 0
                ? 'No conversation matches'
                : `${results.total} conversation${results.total === 1 ? ' matches' : 's match'}`}
            </h2>
            <ol className="search-hits">
              {results.interviews.map((hit) => (
                <Hit key={hit.interviewId} hit={hit} />
              ))}
            </ol>
            {pages > 1 && (
              <nav className="pager" aria-label="Result pages">
                {page > 1 ? <Link to={toUrl(q, filters, page - 1)}>← Previous</Link> : <span />}
                <span className="muted">
                  Page {page} of {pages}
                </span>
                {page < pages ? <Link to={toUrl(q, filters, page + 1)}>Next →</Link> : <span />}
              </nav>
            )}
          </section>
        );
      }}
    </Async>
  );
}

function Hit({ hit }: { hit: SearchInterviewHit }) {
  const title = hit.title ?? (hit.candidate ? `Interview with ${hit.candidate.name}` : 'Conversation');
  return (
    <li className="card search-hit" data-testid="search-hit">
      <div className="search-hit-head">
        <Link to={`/interviews/${hit.interviewId}`} className="search-hit-title">
          {title}
        </Link>
        <span className="muted small">
          {[hit.kind, hit.account, formatDate(hit.occurredAt)].filter(Boolean).join(' · ')}
          {hit.hitCount > hit.segments.length ? ` · ${hit.hitCount} moments` : ''}
        </span>
      </div>
      <ul className="search-moments">
        {hit.segments.map((s) => (
          <li key={s.segmentId}>
            <Link
              to={`/interviews/${hit.interviewId}?${new URLSearchParams({
                ...(s.startS === null ? {} : { t: String(s.startS) }),
                segment: String(s.position),
              }).toString()}`}
              className="search-moment"
              data-testid="search-moment"
            >
              <span className="segment-meta">
                {s.startS !== null && <span className="segment-time">{formatClock(s.startS)}</span>}
                {s.speaker && <span className="segment-speaker">{s.speaker}</span>}
              </span>
              <Snippet text={s.snippet} />
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

function SavedSearches({ q, filters }: { q: string; filters: SearchFilters }) {
  const state = useApi(() => knowledgeApi.savedSearches(), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await knowledgeApi.saveSearch({ name, query: q, filters });
      setName('');
      state.reload();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  const remove = async (saved: SavedSearch) => {
    setError(null);
    try {
      await knowledgeApi.deleteSearch(saved.id);
      state.reload();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <aside className="card saved-searches" aria-labelledby="saved-heading" data-testid="saved-searches">
      <h2 className="section-title" id="saved-heading">
        Saved searches
      </h2>
      {q && (
        <form className="saved-form" onSubmit={(e) => void save(e)}>
          <label htmlFor="saved-name">Save this search as</label>
          <div className="search-line">
            <input
              id="saved-name"
              value={name}
              required
              maxLength={100}
              placeholder="Name"
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="button secondary small">
              Save
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Async state={state} label="Loading saved searches…">
        {({ searches }) =>
          searches.length === 0 ? (
            <p className="muted small">None yet: search, then save it here to run it again later.</p>
          ) : (
            <ul className="saved-list">
              {searches.map((s) => (
                <li key={s.id}>
                  <Link to={toUrl(s.query, s.filters)} title={`Run: ${s.query}`}>
                    {s.name}
                  </Link>
                  <button
                    type="button"
                    className="link-button small"
                    aria-label={`Delete saved search ${s.name}`}
                    onClick={() => void remove(s)}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </aside>
  );
}
