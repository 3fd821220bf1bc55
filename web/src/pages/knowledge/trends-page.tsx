import { useMemo, useState } from 'react';
import {
  knowledgeTrendsApi,
  type GroupComparison,
  type KnowledgeComparison,
  type KnowledgeTrends,
  type LabelSeries,
  type SpikeAlert,
  type TrendFilters,
} from '../../api/knowledge-trends';
import { Chart } from '../../charts/chart';
import { comparisonOption, groupName, mentionsOption, sentimentOption } from '../../charts/knowledge-options';
import { Async, EmptyState } from '../../components/status';
import { formatShare } from '../../format';
import { PageHeader } from '../../page';
import { useApi } from '../../use-api';
import { KnowledgeTabs } from './knowledge-tabs';

const KINDS = ['async', 'live', 'practice', 'customer', 'exit', 'research', 'sales'] as const;
const TAG_KINDS = [
  ['topic,competitor,product', 'Topics, competitors and products'],
  ['topic', 'Topics'],
  ['competitor', 'Competitors'],
  ['product', 'Products'],
] as const;
/** Lines on the chart at once; the table lists every label returned. */
const LINES = 8;

const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(2)}`);

/**
 * What conversations talk about, week by week: mentions of each topic, competitor and product,
 * the sentiment of those mentions, labels that spiked last week, and how groups of interviews
 * (kinds, outcomes) differ. Admins and recruiters.
 */
export function KnowledgeTrendsPage() {
  const [kind, setKind] = useState('');
  const [tagKind, setTagKind] = useState<string>(TAG_KINDS[0][0]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groups, setGroups] = useState<string | undefined>(undefined);
  const filters: TrendFilters = {
    kind: kind || undefined,
    tagKind,
    from: from || undefined,
    to: to || undefined,
  };
  const trends = useApi(() => knowledgeTrendsApi.trends(filters), [kind, tagKind, from, to]);
  const comparison = useApi(
    () => knowledgeTrendsApi.compare({ ...filters, kind: undefined, groups }),
    [tagKind, from, to, groups],
  );
  return (
    <div className="page">
      <PageHeader title="Knowledge trends">
        <p className="muted">
          Mentions per week (Monday to Sunday, UTC) of the topics, competitors and products the tagger found,
          with the sentiment of what was said (VADER: positive from +0.05, negative from −0.05). A label is
          flagged when last week&apos;s mentions would be improbable (p &lt; 0.01) for a Poisson count with
          the mean of its previous 8 weeks, there were at least 5, and it stands out among all the labels
          tested that week (at most 5 % false alerts, Benjamini–Hochberg).
        </p>
      </PageHeader>
      <KnowledgeTabs current="trends" />
      <section className="card knowledge-filters" aria-label="Filters">
        <div className="field">
          <label htmlFor="trend-kind">Interviews</label>
          <select id="trend-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trend-tag-kind">Labels</label>
          <select id="trend-tag-kind" value={tagKind} onChange={(e) => setTagKind(e.target.value)}>
            {TAG_KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trend-from">From</label>
          <input id="trend-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="trend-to">To</label>
          <input id="trend-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <p className="knowledge-export">
          Export the tags: <a href={knowledgeTrendsApi.exportUrl({ ...filters, format: 'csv' })}>CSV</a>
          {' · '}
          <a href={knowledgeTrendsApi.exportUrl({ ...filters, format: 'ndjson' })}>NDJSON</a>
        </p>
      </section>
      <Async state={trends} label="Loading trends…">
        {(data) => <TrendsView trends={data} />}
      </Async>
      <section className="card" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Side by side</h2>
        <Async state={comparison} label="Loading the comparison…">
          {(data) => <ComparisonView comparison={data} groups={groups} onGroups={setGroups} />}
        </Async>
      </section>
    </div>
  );
}

function TrendsView({ trends }: { trends: KnowledgeTrends }) {
  const [picked, setPicked] = useState<string | null>(null);
  const shown = trends.series.slice(0, LINES);
  const key = (s: { tagKind: string; labelKey: string }) => `${s.tagKind}:${s.labelKey}`;
  const firstAlert = trends.alerts[0];
  const focus =
    trends.series.find((s) => key(s) === picked) ??
    trends.series.find((s) => firstAlert !== undefined && key(s) === key(firstAlert)) ??
    trends.series[0];
  const mentions = useMemo(() => mentionsOption(trends, trends.series.slice(0, LINES)), [trends]);
  const sentiment = useMemo(
    () => (focus === undefined ? null : sentimentOption(trends, focus)),
    [trends, focus],
  );
  if (trends.series.length === 0) {
    return (
      <section className="card">
        <EmptyState title="No mentions yet">
          Tags appear here once interviews are tagged with the workspace&apos;s topics, competitors and
          products.
        </EmptyState>
      </section>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Spikes in the week of {trends.testedWeek}</h2>
        <AlertList alerts={trends.alerts} />
      </section>
      <section className="card" aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">Mentions per week</h2>
        <Chart
          option={mentions}
          height={340}
          testId="mentions-chart"
          label={`Weekly mentions of ${shown.map((s) => s.label).join(', ')}, from ${trends.weeks[0] ?? ''} to ${trends.weeks.at(-1) ?? ''}.`}
        />
        <SeriesTable series={trends.series} />
      </section>
      {focus !== undefined && sentiment !== null && (
        <section className="card" aria-labelledby="sentiment-heading">
          <h2 id="sentiment-heading">Sentiment of the mentions</h2>
          <div className="field inline-field">
            <label htmlFor="sentiment-label">Label</label>
            <select id="sentiment-label" value={key(focus)} onChange={(e) => setPicked(e.target.value)}>
              {trends.series.map((s) => (
                <option key={key(s)} value={key(s)}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <Chart
            option={sentiment}
            height={260}
            testId="sentiment-chart"
            label={`${focus.label}: ${focus.positive} positive, ${focus.neutral} neutral and ${focus.negative} negative mentions, by week.`}
          />
        </section>
      )}
    </>
  );
}

function AlertList({ alerts }: { alerts: readonly SpikeAlert[] }) {
  if (alerts.length === 0) {
    return <p className="muted">No label stood out last week against its previous weeks.</p>;
  }
  return (
    <ul className="knowledge-alerts" data-testid="spike-alerts">
      {alerts.map((a) => (
        <li key={`${a.tagKind}:${a.labelKey}`}>
          <strong>{a.label}</strong> ({a.tagKind}): {a.mentions} mentions, against {a.baselineMean.toFixed(1)}{' '}
          a week over the previous {a.baselineWeeks} weeks{' '}
          <span className="muted">(p = {a.pValue.toExponential(1)})</span>
        </li>
      ))}
    </ul>
  );
}

function SeriesTable({ series }: { series: readonly LabelSeries[] }) {
  return (
    <details className="numbers">
      <summary>The numbers</summary>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Mentions per label (scrolls sideways)"
      >
        <table data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Mentions
              </th>
              <th scope="col" className="num">
                Positive
              </th>
              <th scope="col" className="num">
                Neutral
              </th>
              <th scope="col" className="num">
                Negative
              </th>
              <th scope="col" className="num">
                Mean sentiment
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={`${s.tagKind}:${s.labelKey}`}>
                <th scope="row">{s.label}</th>
                <td>{s.tagKind}</td>
                <td className="num">{s.mentions}</td>
                <td className="num">{s.positive}</td>
                <td className="num">{s.neutral}</td>
                <td className="num">{s.negative}</td>
                <td className="num">{signed(s.meanSentiment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ComparisonView({
  comparison,
  groups,
  onGroups,
}: {
  comparison: KnowledgeComparison;
  groups: string | undefined;
  onGroups: (groups: string) => void;
}) {
  const id = (g: { field: string; value: string }) => `${g.field}:${g.value}`;
  // What was asked for shows at once; the answer follows.
  const chosen = new Set(groups?.split(',') ?? comparison.groups.map((g) => id(g.group)));
  const toggle = (value: string) => {
    const next = new Set(chosen);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onGroups([...next].join(','));
  };
  const labels = topLabels(comparison.groups);
  return (
    <>
      <fieldset className="knowledge-groups">
        <legend>Compare</legend>
        {comparison.available.map((g) => (
          <label key={id(g)} className="checkbox">
            <input type="checkbox" checked={chosen.has(id(g))} onChange={() => toggle(id(g))} />
            {groupName(g)}
          </label>
        ))}
      </fieldset>
      {comparison.groups.length === 0 || labels.length === 0 ? (
        <EmptyState title="Nothing to compare">Choose groups whose interviews have been tagged.</EmptyState>
      ) : (
        <>
          <Chart
            option={comparisonOption(comparison.groups, labels)}
            height={Math.max(200, labels.length * 22 * Math.max(1, comparison.groups.length / 2) + 80)}
            testId="compare-chart"
            label={`Share of interviews mentioning each label, per group: ${comparison.groups.map((g) => groupName(g.group)).join(', ')}.`}
          />
          <ComparisonTable groups={comparison.groups} labels={labels} />
        </>
      )}
    </>
  );
}

/** The labels most often mentioned in any group, at most 12. */
function topLabels(groups: readonly GroupComparison[]): string[] {
  const best = new Map<string, number>();
  for (const g of groups)
    for (const l of g.labels) best.set(l.label, Math.max(best.get(l.label) ?? 0, l.share));
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([label]) => label);
}

function ComparisonTable({
  groups,
  labels,
}: {
  groups: readonly GroupComparison[];
  labels: readonly string[];
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label="Comparison table (scrolls sideways)">
      <table data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Label</th>
            {groups.map((g) => (
              <th scope="col" key={`${g.group.field}:${g.group.value}`} className="num">
                {groupName(g.group)} ({g.taggedInterviews})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {groups.map((g) => {
                const l = g.labels.find((x) => x.label === label);
                return (
                  <td key={`${g.group.field}:${g.group.value}`} className="num">
                    {l === undefined
                      ? '—'
                      : `${formatShare(l.share)} · ${l.mentions} mentions · ${signed(l.meanSentiment)}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
