import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { scheduleApi, type ScheduleOffer, type SchedulePick } from '../../api/schedule';
import { ErrorMessage, Loading } from '../../components/status';

type Closed = 'unknown' | 'booked' | 'superseded' | 'cancelled' | 'expired';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'closed'; reason: Closed; offer: ScheduleOffer | null }
  | { kind: 'open'; offer: ScheduleOffer }
  | { kind: 'picked'; offer: ScheduleOffer; label: string; result: SchedulePick };

const CLOSED: Record<Closed, { title: string; text: string; next: string }> = {
  unknown: {
    title: 'This scheduling link is not valid',
    text: 'We could not find interview times for this link. Often part of the link was lost when it was copied.',
    next: 'Open the link straight from the message we sent you, or copy the whole link again. If it still does not work, reply to that message.',
  },
  booked: {
    title: 'This link was already used',
    text: 'A time was picked with this link, and your interview is booked. The calendar invitation was sent to you.',
    next: 'To move your interview, reply to the message with the invitation and say so: we will send you new times.',
  },
  superseded: {
    title: 'These times were replaced',
    text: 'We sent you newer times since this link, so it no longer books anything.',
    next: 'Use the link in our latest message. If you cannot find it, reply to any of our messages.',
  },
  cancelled: {
    title: 'This offer was withdrawn',
    text: 'The hiring team withdrew these interview times.',
    next: 'If you think this is a mistake, reply to the message that sent you this link.',
  },
  expired: {
    title: 'This scheduling link has expired',
    text: 'Every time this link offered has passed, so there is nothing left to pick.',
    next: 'Reply to the message that sent you this link and ask for new times.',
  },
};

const closedReason = (status: string): Closed | null =>
  status === 'booked' || status === 'superseded' || status === 'cancelled' || status === 'expired'
    ? status
    : null;

/** The device's own zone, or null when the browser does not say. */
function deviceZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** What went wrong with the link, and what the candidate can do about it. */
function ClosedPage({ reason }: { reason: Closed }) {
  const page = CLOSED[reason];
  return (
    <section className="card take-card" aria-labelledby="schedule-closed" data-testid={`schedule-${reason}`}>
      <h1 id="schedule-closed">{page.title}</h1>
      <p>{page.text}</p>
      <h2 className="subheading">What to do</h2>
      <p>{page.next}</p>
    </section>
  );
}

function PickForm({
  linkToken,
  offer,
  onPicked,
  onClosed,
}: {
  linkToken: string;
  offer: ScheduleOffer;
  onPicked: (label: string, result: SchedulePick) => void;
  onClosed: () => void;
}) {
  const [slot, setSlot] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const zone = deviceZone();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (slot === null) return;
    setBusy(true);
    setError(null);
    try {
      const result = await scheduleApi.pick(linkToken, slot);
      onPicked(offer.slots.find((s) => s.number === slot)?.label ?? '', result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) onClosed();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card take-card" aria-labelledby="schedule-title">
      <h1 id="schedule-title">Pick a time for your interview, {offer.firstName}</h1>
      <p>
        Your interview for {offer.jobTitle} at {offer.organisation}. Pick the time that suits you; it is
        booked at once and the calendar invitation comes by e-mail.
      </p>
      <form onSubmit={(e) => void submit(e)} className="stack schedule-form">
        <fieldset className="field">
          <legend>Times in {offer.timeZone}</legend>
          {zone !== null && zone !== offer.timeZone && (
            <p className="muted schedule-zone" data-testid="zone-note">
              Your device is set to {zone}; these times are in {offer.timeZone}.
            </p>
          )}
          <div className="schedule-slots">
            {offer.slots.map((s) => (
              <label key={s.number} className="schedule-slot" data-testid="slot">
                <input
                  type="radio"
                  name="slot"
                  value={s.number}
                  checked={slot === s.number}
                  onChange={() => setSlot(s.number)}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary schedule-submit" disabled={slot === null || busy}>
          {busy ? 'Booking…' : slot === null ? 'Pick a time above' : 'Book this time'}
        </button>
        <p className="muted">
          None of these work? Reply to our message and say so: we will send other times.
        </p>
      </form>
    </section>
  );
}

function Picked({ label, result }: { label: string; result: SchedulePick }) {
  const booked = result.status === 'booked';
  return (
    <section
      className="card take-card"
      aria-labelledby="schedule-done"
      data-testid={`schedule-picked-${result.status}`}
    >
      <h1 id="schedule-done">{booked ? 'Your interview is booked' : 'That time was just taken'}</h1>
      {booked && <p className="schedule-when">{label}</p>}
      <p>{booked ? 'The calendar invitation is on its way to you.' : result.message}</p>
      {booked && <p className="muted">Need to move it? Reply to the invitation e-mail and say so.</p>}
    </section>
  );
}

/** Picking an interview time by link: no account, one column, fits a 390 px phone. */
export function SchedulePage({ token: linkToken }: { token: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const reload = useCallback(async () => {
    setLoad({ kind: 'loading' });
    try {
      const offer = await scheduleApi.offer(linkToken);
      const reason = closedReason(offer.status);
      setLoad(reason === null ? { kind: 'open', offer } : { kind: 'closed', reason, offer });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        setLoad({ kind: 'closed', reason: 'unknown', offer: null });
      else setLoad({ kind: 'error', error });
    }
  }, [linkToken]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    document.title = 'Pick your interview time · Candor';
  }, []);

  let body: ReactNode;
  if (load.kind === 'loading') body = <Loading label="Opening your interview times…" />;
  else if (load.kind === 'error') body = <ErrorMessage error={load.error} retry={() => void reload()} />;
  else if (load.kind === 'closed') body = <ClosedPage reason={load.reason} />;
  else if (load.kind === 'picked') body = <Picked label={load.label} result={load.result} />;
  else {
    const { offer } = load;
    body = (
      <PickForm
        linkToken={linkToken}
        offer={offer}
        onPicked={(label, result) => setLoad({ kind: 'picked', offer, label, result })}
        onClosed={() => void reload()}
      />
    );
  }
  const offer = load.kind === 'open' || load.kind === 'picked' || load.kind === 'closed' ? load.offer : null;
  return (
    <div className="take-shell">
      <header className="take-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Candor
        </span>
        {offer && (
          <span className="take-header-job">
            {offer.jobTitle} · {offer.organisation}
          </span>
        )}
      </header>
      <main id="main" className="take-main" tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}
