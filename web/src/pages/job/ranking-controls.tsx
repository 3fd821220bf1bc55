import { useEffect, useState } from 'react';
import { api, type DisplayStage, type RankingView } from '../../api';

/** The badge words of each display stage. */
export const STAGE_WORDS: Record<DisplayStage, string> = {
  applied: 'Applied',
  invited: 'Invited',
  in_progress: 'In progress',
  scored: 'Scored',
  on_hold: 'On hold',
  advanced: 'Advanced',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** A candidate's stage as a coloured badge with words (the colour is never the only signal). */
export function StageBadge({ stage }: { stage: DisplayStage }) {
  return <span className={`badge stage-${stage.replace('_', '-')}`}>{STAGE_WORDS[stage]}</span>;
}

const SORTS: { value: string; label: string; view: Pick<RankingView, 'sort' | 'order'> }[] = [
  { value: 'score-desc', label: 'Overall fit, best first', view: { sort: 'score', order: 'desc' } },
  { value: 'score-asc', label: 'Overall fit, lowest first', view: { sort: 'score', order: 'asc' } },
  { value: 'name-asc', label: 'Name, A to Z', view: { sort: 'name', order: 'asc' } },
  { value: 'name-desc', label: 'Name, Z to A', view: { sort: 'name', order: 'desc' } },
  { value: 'stage-asc', label: 'Stage, earliest first', view: { sort: 'stage', order: 'asc' } },
  { value: 'stage-desc', label: 'Stage, furthest first', view: { sort: 'stage', order: 'desc' } },
  {
    value: 'confidence-desc',
    label: 'Confidence, highest first',
    view: { sort: 'confidence', order: 'desc' },
  },
  { value: 'confidence-asc', label: 'Confidence, lowest first', view: { sort: 'confidence', order: 'asc' } },
];

/** The default direction of each sort column, as the API applies it. */
export function orderOf(view: RankingView): 'asc' | 'desc' {
  return view.order ?? (view.sort === 'name' || view.sort === 'stage' ? 'asc' : 'desc');
}

/**
 * Stage filter, name search (applied as the user pauses typing), sort, and the CSV export of what
 * is shown.
 */
export function RankingControls({
  jobId,
  view,
  onChange,
}: {
  jobId: string;
  view: RankingView;
  onChange: (view: RankingView) => void;
}) {
  const [search, setSearch] = useState(view.search ?? '');
  useEffect(() => {
    if (search === (view.search ?? '')) return;
    const timer = window.setTimeout(() => onChange({ ...view, search }), 300);
    return () => window.clearTimeout(timer);
  }, [search, view, onChange]);
  const sortValue = `${view.sort ?? 'score'}-${orderOf(view)}`;

  return (
    <div className="ranking-controls" role="search" aria-label="Filter the candidates">
      <div className="field">
        <label htmlFor="ranking-search">Search by name</label>
        <input
          id="ranking-search"
          type="search"
          value={search}
          placeholder="e.g. Patel"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ranking-stage">Stage</label>
        <select
          id="ranking-stage"
          value={view.stage ?? ''}
          onChange={(e) =>
            onChange({ ...view, stage: e.target.value === '' ? undefined : (e.target.value as DisplayStage) })
          }
        >
          <option value="">All stages</option>
          {(Object.keys(STAGE_WORDS) as DisplayStage[]).map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_WORDS[stage]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ranking-sort">Sort by</label>
        <select
          id="ranking-sort"
          value={sortValue}
          onChange={(e) => {
            const picked = SORTS.find((s) => s.value === e.target.value);
            if (picked) onChange({ ...view, ...picked.view });
          }}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <a className="button" href={api.jobs.rankingCsvUrl(jobId, view)} download>
        Export CSV
      </a>
    </div>
  );
}
