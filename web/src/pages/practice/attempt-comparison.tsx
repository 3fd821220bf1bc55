import type { PracticeCoaching } from '../../api';

type Measures = PracticeCoaching['measures'];

interface Row {
  readonly name: string;
  readonly first: number | null;
  readonly second: number | null;
  /** Whether a higher value is better (scores), lower (fillers, pauses), or neither (pace). */
  readonly better: 'higher' | 'lower' | null;
  readonly format: (v: number) => string;
}

const whole = (v: number) => String(Math.round(v));
const oneDecimal = (v: number) => v.toFixed(1);
const percent = (v: number) => `${Math.round(v * 100)}%`;

function measureRows(a: Measures, b: Measures): Row[] {
  return [
    {
      name: 'Filler words per 100 words',
      first: a.fillerWordsPer100,
      second: b.fillerWordsPer100,
      better: 'lower',
      format: oneDecimal,
    },
    {
      name: 'Hedges per 100 words',
      first: a.hedgesPer100,
      second: b.hedgesPer100,
      better: 'lower',
      format: oneDecimal,
    },
    { name: 'Time in pauses', first: a.pauseRatio, second: b.pauseRatio, better: 'lower', format: percent },
    {
      name: 'Long pauses (1 s or more)',
      first: a.longPauses,
      second: b.longPauses,
      better: 'lower',
      format: whole,
    },
    {
      name: 'Words per minute',
      first: a.wordsPerMinute,
      second: b.wordsPerMinute,
      better: null,
      format: whole,
    },
    { name: 'Words', first: a.words, second: b.words, better: null, format: whole },
  ];
}

function change(row: Row): { text: string; tone: string } {
  if (row.first === null || row.second === null) return { text: '—', tone: '' };
  const delta = row.second - row.first;
  const shown = row.format(Math.abs(delta));
  if (shown === row.format(0)) return { text: 'same', tone: '' };
  const sign = delta > 0 ? '+' : '−';
  if (row.better === null) return { text: `${sign}${shown}`, tone: '' };
  const improved = row.better === 'higher' ? delta > 0 : delta < 0;
  return {
    text: `${sign}${shown} ${improved ? 'better' : 'worse'}`,
    tone: improved ? 'change-better' : 'change-worse',
  };
}

/** Two attempts at the same question side by side: each competency and the main measures. */
export function AttemptComparison({ first, second }: { first: PracticeCoaching; second: PracticeCoaching }) {
  const scores: Row[] = [
    { name: 'Overall', first: first.overall, second: second.overall, better: 'higher', format: whole },
    ...second.competencies.map((c) => ({
      name: c.name,
      first: first.competencies.find((f) => f.id === c.id)?.score ?? null,
      second: c.score,
      better: 'higher' as const,
      format: whole,
    })),
  ];
  return (
    <section
      className="attempt-comparison"
      aria-labelledby="comparison-heading"
      data-testid="attempt-comparison"
    >
      <h3 id="comparison-heading">Attempt 1 and attempt 2 compared</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="The two attempts compared">
        <table>
          <caption className="visually-hidden">
            Scores and measures of the two attempts at this question
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Attempt 1</th>
              <th scope="col">Attempt 2</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {[...scores, ...measureRows(first.measures, second.measures)].map((row) => {
              const { text, tone } = change(row);
              return (
                <tr key={row.name}>
                  <th scope="row">{row.name}</th>
                  <td>{row.first === null ? '—' : row.format(row.first)}</td>
                  <td>{row.second === null ? '—' : row.format(row.second)}</td>
                  <td className={tone}>{text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
