import { useState, type FormEvent } from 'react';
import { takeApi, type SelfIdentification } from '../../api/take';
import { ErrorMessage } from '../../components/status';

type Field = keyof Required<SelfIdentification>;

/** The choices of each question, in the API's values (src/domain/demographics.ts), with their words. */
const QUESTIONS: readonly { field: Field; label: string; options: readonly [string, string][] }[] = [
  {
    field: 'sex',
    label: 'Sex',
    options: [
      ['declined', 'Prefer not to say'],
      ['female', 'Female'],
      ['male', 'Male'],
      ['other', 'Another sex or gender'],
    ],
  },
  {
    field: 'raceEthnicity',
    label: 'Race or ethnicity',
    options: [
      ['declined', 'Prefer not to say'],
      ['hispanic_or_latino', 'Hispanic or Latino'],
      ['white', 'White (not Hispanic or Latino)'],
      ['black_or_african_american', 'Black or African American (not Hispanic or Latino)'],
      ['native_hawaiian_or_pacific_islander', 'Native Hawaiian or Pacific Islander (not Hispanic or Latino)'],
      ['asian', 'Asian (not Hispanic or Latino)'],
      ['native_american_or_alaska_native', 'Native American or Alaska Native (not Hispanic or Latino)'],
      ['two_or_more_races', 'Two or more races (not Hispanic or Latino)'],
    ],
  },
  {
    field: 'ageBand',
    label: 'Age',
    options: [
      ['declined', 'Prefer not to say'],
      ['under_40', 'Under 40'],
      ['40_or_over', '40 or over'],
    ],
  },
];

/** The optional self-identification after the interview: voluntary, kept apart, never scored. */
export function SelfIdentificationForm({ token, onDone }: { token: string; onDone: () => void }) {
  const [answers, setAnswers] = useState<Record<Field, string>>({
    sex: 'declined',
    raceEthnicity: 'declined',
    ageBand: 'declined',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await takeApi.selfIdentify(token, answers as SelfIdentification);
      onDone();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card take-card" aria-labelledby="self-id-heading" data-testid="self-identification">
      <h2 id="self-id-heading">Optional: help us check our process is fair</h2>
      <p>
        Answering is voluntary, and &ldquo;Prefer not to say&rdquo; is always fine. Your answers are kept
        apart from your interview and are only used, counted together with other candidates&rsquo; answers, to
        check that the process treats groups fairly. The people deciding on your application never see them,
        and they are never used to score you.
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {QUESTIONS.map((q) => (
          <div className="field" key={q.field}>
            <label htmlFor={`self-id-${q.field}`}>{q.label}</label>
            <select
              id={`self-id-${q.field}`}
              value={answers[q.field]}
              onChange={(e) => setAnswers({ ...answers, [q.field]: e.target.value })}
            >
              {q.options.map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          </div>
        ))}
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary take-button" disabled={busy}>
          {busy ? 'Sending…' : 'Send my answers'}
        </button>
      </form>
    </section>
  );
}
