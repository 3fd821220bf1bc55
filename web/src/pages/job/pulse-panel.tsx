import { pulseApi, type JobPulse } from '../../api/calendar';
import { Async } from '../../components/status';
import { useApi } from '../../use-api';
import '../../styles/pulse-calendar.css';

type Figures = Pick<JobPulse, 'responses' | 'promoters' | 'passives' | 'detractors' | 'nps'>;

/** The rounds the survey follows, in words. */
const ROUND: Record<string, string> = {
  online_interview: 'Online interview',
  scheduled_interview: 'Scheduled interview',
};

const roundName = (stage: string) => ROUND[stage] ?? stage.replaceAll('_', ' ');

/** NPS with its sign (+12.5, −40, 0), or a dash without answers. */
function npsText(nps: number | null): string {
  if (nps === null) return '—';
  const shown = Number.isInteger(nps) ? String(Math.abs(nps)) : Math.abs(nps).toFixed(1);
  return nps > 0 ? `+${shown}` : nps < 0 ? `−${shown}` : '0';
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The candidate pulse of a job: the NPS of "how likely are you to recommend applying here?"
 * (% promoters 9–10 minus % detractors 0–6) over every answer and per round, with the counts and a
 * bar of the three shares.
 */
export function PulsePanel({ jobId }: { jobId: string }) {
  const pulse = useApi(() => pulseApi.forJob(jobId), [jobId]);
  return (
    <section className="card pulse" aria-labelledby="pulse-heading" data-testid="pulse">
      <div className="section-head">
        <h2 id="pulse-heading">Candidate pulse</h2>
        <p className="muted small">
          Two hours after each round the agent asks: &ldquo;From 0 to 10, how likely are you to recommend
          applying here?&rdquo; NPS is % promoters (9–10) minus % detractors (0–6).
        </p>
      </div>
      <Async state={pulse} label="Loading the pulse…">
        {(data) =>
          data.responses === 0 ? (
            <p className="muted" data-testid="pulse-empty">
              No answers yet. Candidates answer the survey by replying to it.
            </p>
          ) : (
            <>
              <div className="pulse-overall">
                <p className="pulse-nps" data-testid="pulse-nps">
                  <span className="pulse-figure">{npsText(data.nps)}</span>
                  <span className="muted small">NPS from {plural(data.responses, 'answer', 'answers')}</span>
                </p>
                <PulseBar figures={data} label="All rounds" />
              </div>
              <div
                className="table-wrap"
                tabIndex={0}
                role="group"
                aria-label="Pulse per round (scrolls sideways on a narrow screen)"
              >
                <table className="pulse-rounds" data-testid="pulse-rounds">
                  <thead>
                    <tr>
                      <th scope="col">Round</th>
                      <th scope="col" className="num">
                        NPS
                      </th>
                      <th scope="col" className="num">
                        Answers
                      </th>
                      <th scope="col" className="num">
                        Promoters
                      </th>
                      <th scope="col" className="num">
                        Passives
                      </th>
                      <th scope="col" className="num">
                        Detractors
                      </th>
                      <th scope="col">Shares</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.stages.map((s) => (
                      <tr key={s.stage} data-stage={s.stage}>
                        <th scope="row">{roundName(s.stage)}</th>
                        <td className="num">
                          <strong>{npsText(s.nps)}</strong>
                        </td>
                        <td className="num">{s.responses.toLocaleString()}</td>
                        <td className="num">{s.promoters.toLocaleString()}</td>
                        <td className="num">{s.passives.toLocaleString()}</td>
                        <td className="num">{s.detractors.toLocaleString()}</td>
                        <td>
                          <PulseBar figures={s} label={roundName(s.stage)} compact />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}

/** A stacked bar of promoters, passives and detractors, with the counts in words beside it. */
function PulseBar({ figures, label, compact }: { figures: Figures; label: string; compact?: boolean }) {
  const total = Math.max(1, figures.responses);
  const parts = [
    { key: 'promoters', count: figures.promoters, one: 'promoter' },
    { key: 'passives', count: figures.passives, one: 'passive' },
    { key: 'detractors', count: figures.detractors, one: 'detractor' },
  ] as const;
  const words = parts.map((p) => plural(p.count, p.one, p.key)).join(', ');
  return (
    <div className={compact ? 'pulse-bar-row compact' : 'pulse-bar-row'}>
      <div className="pulse-bar" role="img" aria-label={`${label}: ${words}`}>
        {parts.map((p) =>
          p.count === 0 ? null : (
            <span
              key={p.key}
              className={`pulse-part pulse-${p.key}`}
              style={{ width: `${(100 * p.count) / total}%` }}
            />
          ),
        )}
      </div>
      {!compact && (
        <ul className="pulse-legend" data-testid="pulse-counts">
          {parts.map((p) => (
            <li key={p.key}>
              <span className={`pulse-swatch pulse-${p.key}`} aria-hidden="true" />
              {plural(p.count, p.one, p.key)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
