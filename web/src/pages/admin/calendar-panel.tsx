import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { calendarApi, type CalendarChange, type InterviewerCalendar } from '../../api/calendar';
import { Async, ErrorMessage } from '../../components/status';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import '../../styles/pulse-calendar.css';

/** ISO weekdays, Monday 1 … Sunday 7, as the API counts them. */
const DAYS: readonly { day: number; label: string; short: string }[] = [
  { day: 1, label: 'Monday', short: 'Mon' },
  { day: 2, label: 'Tuesday', short: 'Tue' },
  { day: 3, label: 'Wednesday', short: 'Wed' },
  { day: 4, label: 'Thursday', short: 'Thu' },
  { day: 5, label: 'Friday', short: 'Fri' },
  { day: 6, label: 'Saturday', short: 'Sat' },
  { day: 7, label: 'Sunday', short: 'Sun' },
];

/** The form's fields, by the name the API's 400 gives them (`details.field`). */
type Field = 'caldavUrl' | 'username' | 'password' | 'timeZone' | 'days' | 'start' | 'end' | 'dailyCap';

/** The field a 400 names (`workingHours.end` → `end`), or null when it names none of the form's. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const details = error.details as { field?: unknown } | undefined;
  const named = typeof details?.field === 'string' ? details.field : '';
  const last = named.replace(/^workingHours\./, '').split('.')[0] ?? '';
  const fields: readonly string[] = [
    'caldavUrl',
    'username',
    'password',
    'timeZone',
    'days',
    'start',
    'end',
    'dailyCap',
  ];
  return fields.includes(last) ? (last as Field) : null;
}

/** The server's words without their `body.caldavUrl: ` prefix: the field is shown next to them. */
function withoutPrefix(message: string): string {
  return message.replace(/^body\.[\w.]+: /, '');
}

/**
 * One interviewer's calendar for scheduling: the CalDAV calendar Candor reads busy time from and
 * writes bookings to, its credentials (the password is write-only), working hours, zone and daily
 * cap. A 400 from the API is shown next to the field it names.
 */
export function CalendarPanel({
  userId,
  userName,
  onClose,
}: {
  userId: string;
  userName: string;
  onClose: () => void;
}) {
  const calendar = useApi(() => calendarApi.get(userId), [userId]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [userId]);
  return (
    <section className="card calendar-panel" aria-labelledby="calendar-heading" data-testid="calendar-panel">
      <div className="section-head">
        <h2 id="calendar-heading" tabIndex={-1} ref={heading}>
          Calendar of {userName}
        </h2>
        <p className="muted small">
          Interview times are proposed inside these working hours, around the busy time of this calendar and
          Candor&apos;s own bookings.
        </p>
      </div>
      <Async state={calendar} label="Loading the calendar…">
        {(current) => (
          <CalendarForm userId={userId} current={current} onSaved={calendar.setData} onClose={onClose} />
        )}
      </Async>
    </section>
  );
}

function CalendarForm({
  userId,
  current,
  onSaved,
  onClose,
}: {
  userId: string;
  current: InterviewerCalendar;
  onSaved: (saved: InterviewerCalendar) => void;
  onClose: () => void;
}) {
  const [url, setUrl] = useState(current.caldavUrl ?? '');
  const [username, setUsername] = useState(current.username ?? '');
  // Write-only: the stored password is never shown; blank keeps it.
  const [password, setPassword] = useState('');
  const [forget, setForget] = useState(false);
  const [zone, setZone] = useState(current.timeZone);
  const [days, setDays] = useState<readonly number[]>(current.workingHours.days);
  const [start, setStart] = useState(current.workingHours.start);
  const [end, setEnd] = useState(current.workingHours.end);
  const [cap, setCap] = useState(String(current.dailyCap));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const invalid = fieldOf(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const change: CalendarChange = {
      caldavUrl: url.trim() === '' ? null : url.trim(),
      username: username.trim() === '' ? null : username.trim(),
      ...(forget ? { password: null } : password === '' ? {} : { password }),
      timeZone: zone.trim(),
      workingHours: { days: [...days].sort((a, b) => a - b), start, end },
      dailyCap: Number(cap),
    };
    try {
      const next = await calendarApi.update(userId, change);
      setPassword('');
      setForget(false);
      onSaved(next);
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  /** The API's words under the field it named, tied to it by aria-describedby. */
  const problem = (field: Field) =>
    invalid === field && error instanceof ApiError ? (
      <p className="field-error" id={`cal-${field}-error`} role="alert">
        {withoutPrefix(error.message)}
      </p>
    ) : null;
  const describedBy = (field: Field, hint?: string) =>
    [hint, invalid === field ? `cal-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      <div className="field">
        <label htmlFor="cal-url">
          CalDAV calendar URL <span className="optional">(optional)</span>
        </label>
        <input
          id="cal-url"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          placeholder="https://cal.example.org/dana/interviews/"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={invalid === 'caldavUrl' || undefined}
          aria-describedby={describedBy('caldavUrl', 'cal-url-hint')}
        />
        {problem('caldavUrl')}
        <p className="hint" id="cal-url-hint">
          The calendar collection itself. Candor reads it once before saving; without one only the working
          hours and Candor&apos;s bookings count.
        </p>
      </div>
      <div className="grid-2 calendar-credentials">
        <div className="field">
          <label htmlFor="cal-username">
            Username <span className="optional">(optional)</span>
          </label>
          <input
            id="cal-username"
            autoComplete="off"
            maxLength={200}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={invalid === 'username' || undefined}
            aria-describedby={describedBy('username')}
          />
          {problem('username')}
        </div>
        <div className="field">
          <label htmlFor="cal-password">Password</label>
          <input
            id="cal-password"
            type="password"
            autoComplete="new-password"
            maxLength={500}
            value={password}
            disabled={forget}
            placeholder={current.hasPassword ? 'stored, unchanged' : ''}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={invalid === 'password' || undefined}
            aria-describedby={describedBy('password', 'cal-password-hint')}
          />
          {problem('password')}
          <p className="hint" id="cal-password-hint" data-testid="password-state">
            {current.hasPassword
              ? 'A password is stored (sealed, never shown). Leave blank to keep it.'
              : 'No password stored.'}
          </p>
          {current.hasPassword && (
            <label className="choice" htmlFor="cal-forget">
              <input
                id="cal-forget"
                type="checkbox"
                checked={forget}
                onChange={(e) => setForget(e.target.checked)}
              />
              Forget the stored password
            </label>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor="cal-zone">Time zone</label>
        <input
          id="cal-zone"
          required
          autoComplete="off"
          spellCheck={false}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          aria-invalid={invalid === 'timeZone' || undefined}
          aria-describedby={describedBy('timeZone', 'cal-zone-hint')}
        />
        {problem('timeZone')}
        <p className="hint" id="cal-zone-hint">
          An IANA zone such as Europe/London or America/New_York: the working hours are in it.
        </p>
      </div>
      <fieldset className="field calendar-days" aria-describedby={describedBy('days')}>
        <legend>Working days</legend>
        <div className="day-choices">
          {DAYS.map(({ day, label, short }) => (
            <label key={day} className="choice" htmlFor={`cal-day-${day}`}>
              <input
                id={`cal-day-${day}`}
                type="checkbox"
                aria-label={label}
                checked={days.includes(day)}
                onChange={(e) => setDays(e.target.checked ? [...days, day] : days.filter((d) => d !== day))}
              />
              {short}
            </label>
          ))}
        </div>
        {problem('days')}
      </fieldset>
      <div className="calendar-hours">
        <div className="field">
          <label htmlFor="cal-start">From</label>
          <input
            id="cal-start"
            type="time"
            required
            value={start}
            onChange={(e) => setStart(e.target.value)}
            aria-invalid={invalid === 'start' || undefined}
            aria-describedby={describedBy('start')}
          />
          {problem('start')}
        </div>
        <div className="field">
          <label htmlFor="cal-end">Until</label>
          <input
            id="cal-end"
            type="time"
            required
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            aria-invalid={invalid === 'end' || undefined}
            aria-describedby={describedBy('end')}
          />
          {problem('end')}
        </div>
        <div className="field">
          <label htmlFor="cal-cap">Most interviews a day</label>
          <input
            id="cal-cap"
            type="number"
            inputMode="numeric"
            min={1}
            max={24}
            required
            value={cap}
            onChange={(e) => setCap(e.target.value)}
            aria-invalid={invalid === 'dailyCap' || undefined}
            aria-describedby={describedBy('dailyCap')}
          />
          {problem('dailyCap')}
        </div>
      </div>
      {error !== null && invalid === null && <ErrorMessage error={error} />}
      {saved && (
        <p className="success" role="status">
          Saved.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Checking and saving…' : 'Save calendar'}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
        <span className="muted small">
          {current.updatedAt ? `Last changed ${formatDateTime(current.updatedAt)}` : 'Defaults in use'}
        </span>
      </div>
    </form>
  );
}
