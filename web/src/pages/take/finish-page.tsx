import { useState } from 'react';
import type { TakeState } from '../../api/take';
import { MicroTaskCard } from './micro-task-card';
import { SelfIdentificationForm } from './self-identification-form';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A calendar date in words, whatever the browser's time zone.
 * @example longDate('2026-11-26') // 'Thursday, 26 November 2026'
 */
export function longDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return ymd;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime())) return ymd;
  return `${WEEKDAYS[date.getUTCDay()]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** After completion: thanks, when they will hear back, what happens next, and the optional form. */
export function FinishPage({ token, state }: { token: string; state: TakeState }) {
  const [identified, setIdentified] = useState(state.selfIdentified);
  const [thanked, setThanked] = useState(false);
  const finish = state.finish;
  return (
    <div className="stack take-stack" data-testid="take-finish">
      <MicroTaskCard token={token} />
      <section className="card take-card" aria-labelledby="finish-heading">
        <h1 id="finish-heading">Thank you, {state.candidateName}. We got your interview.</h1>
        {finish !== null && (
          <p className="take-respond-by" data-testid="respond-by">
            You will hear from {state.organisation} by <strong>{longDate(finish.respondBy)}</strong>.
          </p>
        )}
        <h2 className="subheading">What happens next</h2>
        <ul className="take-next">
          <li>Your answers are transcribed and checked against what the {state.jobTitle} role needs.</li>
          <li>
            A person on the hiring team reviews your answers and decides on the next step; no decision is made
            by software alone.
          </li>
          <li>You can close this page now. The link no longer records anything.</li>
        </ul>
      </section>
      {thanked && (
        <p className="success take-card" role="status">
          Thank you. Your answers to the optional questions were saved apart from your interview.
        </p>
      )}
      {!identified && (
        <SelfIdentificationForm
          token={token}
          onDone={() => {
            setIdentified(true);
            setThanked(true);
          }}
        />
      )}
    </div>
  );
}
