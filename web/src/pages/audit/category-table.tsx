import type { AuditCategory, AuditGroup, AuditRate } from '../../api';
import { Chart } from '../../charts/chart';
import { impactRatioOption } from '../../charts/audit-options';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const ratio = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
const pValue = (r: AuditRate) => (r.p === null ? '—' : r.p < 0.001 ? '< 0.001' : r.p.toFixed(3));
const smd = (v: number | null) =>
  v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

/** Colour and words: flagged, under four-fifths only, the reference group, or nothing to flag. */
function Verdict({ category, group }: { category: AuditCategory; group: AuditGroup }) {
  if (category.flagged.includes(group.group)) {
    return <span className="status status-failed">⚑ Flagged: under 4/5 and significant</span>;
  }
  if (category.belowFourFifths.includes(group.group)) {
    return <span className="status status-insufficient-evidence">Under 4/5 (not significant)</span>;
  }
  const reference = [category.selectionReference, category.scoringReference].includes(group.group);
  return <span className="status">{reference ? 'Reference group' : 'At or above 4/5'}</span>;
}

function RateCells({ rate, reference }: { rate: AuditRate; reference: boolean }) {
  return (
    <>
      <td className="num">{pct(rate.rate)}</td>
      <td className={rate.belowFourFifths ? 'num audit-below' : 'num'}>
        {ratio(rate.impactRatio)}
        {rate.belowFourFifths ? <span className="visually-hidden"> (under four-fifths)</span> : null}
      </td>
      <td className={rate.significant ? 'num audit-significant' : 'num'}>
        {reference ? 'ref.' : pValue(rate)}
      </td>
    </>
  );
}

/** One category of the audit: the table of groups, excluded groups, notes and the impact-ratio chart. */
export function CategorySection({ category }: { category: AuditCategory }) {
  const id = `audit-${category.category}`;
  return (
    <section
      className="card"
      aria-labelledby={id}
      data-testid="audit-category"
      data-category={category.category}
    >
      <h2 id={id}>{category.title}</h2>
      <p className="muted small">
        {category.total} with a known value · {category.unknown} unknown or declined (left out of this table)
        {category.selectionReference === null
          ? ''
          : ` · selection reference: ${label(category, category.selectionReference)}`}
        {category.scoringReference === null
          ? ''
          : ` · scoring reference: ${label(category, category.scoringReference)}`}
      </p>
      {category.flagged.length > 0 ? (
        <p className="audit-flag-summary" role="note">
          ⚑ Adverse impact indicated for {category.flagged.map((g) => label(category, g)).join(', ')}: impact
          ratio under 0.8 and a significant difference (p &lt; 0.05).
        </p>
      ) : null}
      {category.groups.length > 0 ? (
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Table (scrolls sideways on a narrow screen)"
        >
          <table className="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Group
                </th>
                <th scope="col" rowSpan={2} className="num">
                  Applicants
                </th>
                <th scope="colgroup" colSpan={3} className="audit-group-head">
                  Selection (advanced)
                </th>
                <th scope="colgroup" colSpan={3} className="audit-group-head">
                  Scoring (above median)
                </th>
                <th
                  scope="col"
                  rowSpan={2}
                  className="num"
                  title="Standardised mean difference (Cohen's d) against the scoring reference group"
                >
                  SMD
                </th>
                <th scope="col" rowSpan={2}>
                  Four-fifths rule
                </th>
              </tr>
              <tr>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col" className="num">
                  Impact ratio
                </th>
                <th scope="col" className="num">
                  p
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col" className="num">
                  Impact ratio
                </th>
                <th scope="col" className="num">
                  p
                </th>
              </tr>
            </thead>
            <tbody>
              {category.groups.map((g) => (
                <tr
                  key={g.group}
                  data-group={g.group}
                  className={category.flagged.includes(g.group) ? 'audit-flagged' : undefined}
                >
                  <th scope="row">{g.label}</th>
                  <td className="num">{g.count}</td>
                  <RateCells rate={g.selection} reference={category.selectionReference === g.group} />
                  <RateCells rate={g.scoring} reference={category.scoringReference === g.group} />
                  <td className="num">{smd(g.standardisedMeanDifference)}</td>
                  <td>
                    <Verdict category={category} group={g} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {category.groups.some((g) => g.selection.impactRatio !== null || g.scoring.impactRatio !== null) ? (
        <div className="audit-chart">
          <Chart
            option={impactRatioOption(category)}
            label={`${category.title}: impact ratios of selection and scoring per group, with the four-fifths line at 0.8. The table above gives the same figures.`}
            height={Math.max(140, 60 + category.groups.length * 38)}
            testId="audit-chart"
          />
        </div>
      ) : null}
      {category.excluded.length > 0 ? (
        <div className="audit-excluded">
          <h3>Excluded from impact ratios (under 2% of known members)</h3>
          <ul>
            {category.excluded.map((e) => (
              <li key={e.group}>
                {e.label}: {e.count} ({(e.share * 100).toFixed(1)}%)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {category.notes.length > 0 ? (
        <div className="audit-notes">
          <h3>Not computed, and why</h3>
          <ul>
            {category.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function label(category: AuditCategory, group: string): string {
  return category.groups.find((g) => g.group === group)?.label ?? group;
}
