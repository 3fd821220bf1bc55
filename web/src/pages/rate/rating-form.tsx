import { useRef, useState, type FormEvent } from 'react';
import { api, type NewRatings, type RatingForm, type RatingTarget, type RatingsSaved } from '../../api';
import { ErrorMessage } from '../../components/status';
import { fieldId, ScaleInput } from './scale-input';

/** The target every rater must rate; the others may be left blank. */
const REQUIRED_TARGET = 'overall';
const MAX_COMMENT = 2000;

type Values = Readonly<Record<string, string>>;
type Problems = Readonly<Record<string, string>>;

/** The rater's earlier whole-interview ratings as the form's starting values, and their comment. */
function initialValues(form: RatingForm): { values: Values; comment: string } {
  const values: Record<string, string> = {};
  let comment = '';
  for (const given of form.given) {
    if (given.answer !== null) continue;
    values[given.target] = String(given.value);
    if (given.target === REQUIRED_TARGET && given.note) comment = given.note;
  }
  return { values, comment };
}

/**
 * What is wrong with each field in words, or nothing: a required target left blank, a value that
 * is not a number, a value outside the target's declared scale.
 */
export function checkValues(
  targets: readonly RatingTarget[],
  values: Values,
  labels: { readonly min: string; readonly max: string },
): Problems {
  const problems: Record<string, string> = {};
  for (const target of targets) {
    const text = (values[target.id] ?? '').trim();
    const { min, max } = target.scale;
    const ends = `${min} (${labels.min}) to ${max} (${labels.max})`;
    if (text === '') {
      if (target.id === REQUIRED_TARGET) problems[target.id] = `Rate ${target.name}: choose ${ends}.`;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value))
      problems[target.id] = `${target.name}: “${text}” is not a number; give ${ends}.`;
    else if (value < min || value > max)
      problems[target.id] = `${target.name}: ${text} is outside the scale; give ${ends}.`;
  }
  return problems;
}

/**
 * The request bodies for the filled-in targets: one per declared scale (the API takes one scale
 * per request), the comment on the overall rating.
 */
function bodies(targets: readonly RatingTarget[], values: Values, comment: string): NewRatings[] {
  const byScale = new Map<
    string,
    { scale: RatingTarget['scale']; ratings: NewRatings['ratings'][number][] }
  >();
  for (const target of targets) {
    const text = (values[target.id] ?? '').trim();
    if (text === '') continue;
    const key = `${target.scale.min}:${target.scale.max}`;
    const group = byScale.get(key) ?? { scale: target.scale, ratings: [] };
    const note = target.id === REQUIRED_TARGET && comment.trim() ? comment.trim() : null;
    group.ratings.push({ target: target.id, score: Number(text), answer: null, note });
    byScale.set(key, group);
  }
  // The group holding the overall rating goes first: if a later group fails, overall is kept.
  return [...byScale.values()]
    .sort(
      (a, b) =>
        Number(b.ratings.some((r) => r.target === REQUIRED_TARGET)) -
        Number(a.ratings.some((r) => r.target === REQUIRED_TARGET)),
    )
    .map(({ scale, ratings }) => ({ scale, ratings }));
}

/**
 * The blind rating form: one field per target on its declared scale, an optional comment, checks
 * with messages before anything is sent, and a confirmation that says what was stored.
 */
export function BlindRatingForm({ form, onSaved }: { form: RatingForm; onSaved: () => void }) {
  const start = initialValues(form);
  const [values, setValues] = useState<Values>(start.values);
  const [comment, setComment] = useState(start.comment);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<RatingsSaved | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const rated = form.given.filter((g) => g.answer === null).length;
  const answerRatings = form.given.length - rated;

  const change = (target: string, value: string) => {
    setValues((current) => ({ ...current, [target]: value }));
    setSaved(null);
    if (problems[target]) {
      setProblems((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== target)));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setError(null);
    const found = checkValues(form.targets, values, form.scaleLabels);
    setProblems(found);
    const first = form.targets.find((t) => found[t.id]);
    if (first) {
      // Focus the summary so it is read out; its links lead to each field.
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      let total: RatingsSaved = { added: 0, updated: 0, unchanged: 0 };
      for (const body of bodies(form.targets, values, comment)) {
        const result = await api.ratings.save(form.interview.id, body);
        total = {
          added: total.added + result.added,
          updated: total.updated + result.updated,
          unchanged: total.unchanged + result.unchanged,
        };
      }
      setSaved(total);
      onSaved();
      window.setTimeout(() => confirmation.current?.focus(), 0);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const listed = form.targets.filter((t) => problems[t.id]);
  return (
    <form
      id="rate-form"
      className="stack rate-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-busy={busy}
    >
      <p className="hint">Overall is required. Leave any other blank if the interview does not show it.</p>
      {rated > 0 && (
        <p className="notice" data-testid="rated-before">
          You rated this interview before: your {rated === 1 ? 'rating is' : `${rated} ratings are`} filled
          in. Saving again updates {rated === 1 ? 'it' : 'them'}.
          {answerRatings > 0 &&
            ` Your ${answerRatings} rating${answerRatings === 1 ? '' : 's'} of single answers (from a file) stay as they are.`}
        </p>
      )}
      {listed.length > 0 && (
        <div className="error" role="alert" tabIndex={-1} ref={summary} data-testid="rate-problems">
          <p>
            {listed.length === 1 ? 'One rating needs' : `${listed.length} ratings need`} a change before
            saving:
          </p>
          <ul>
            {listed.map((t) => (
              <li key={t.id}>
                <a href={`#${fieldId(t.id)}`}>{problems[t.id]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {form.targets.map((target) => (
        <ScaleInput
          key={target.id}
          target={target}
          labels={form.scaleLabels}
          value={values[target.id] ?? ''}
          required={target.id === REQUIRED_TARGET}
          error={problems[target.id] ?? null}
          onChange={(value) => change(target.id, value)}
        />
      ))}
      <div className="field">
        <label htmlFor="rate-comment">
          Comment <span className="optional">(optional)</span>
        </label>
        <textarea
          id="rate-comment"
          rows={3}
          maxLength={MAX_COMMENT}
          aria-describedby="rate-comment-hint"
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setSaved(null);
          }}
        />
        <p className="hint" id="rate-comment-hint">
          Stored with your overall rating. Say what in the answers led to it.
        </p>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {saved && (
        <p className="success" role="status" tabIndex={-1} ref={confirmation} data-testid="rate-saved">
          Your ratings are saved under your name ({savedWords(saved)}). Candor’s scores stay hidden here.
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Saving…' : rated > 0 ? 'Update my ratings' : 'Save my ratings'}
      </button>
    </form>
  );
}

function savedWords({ added, updated, unchanged }: RatingsSaved): string {
  const parts = [
    added > 0 ? `${added} added` : '',
    updated > 0 ? `${updated} updated` : '',
    unchanged > 0 ? `${unchanged} unchanged` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'nothing changed';
}
