import { useState, type FormEvent } from 'react';
import { api, type QuestionSet } from '../../api';
import { adminApi } from '../../api/admin';
import { Async, ErrorMessage } from '../../components/status';
import { navigate } from '../../router';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';

interface DraftQuestion {
  readonly key: number;
  id: string;
  text: string;
  competencies: string;
  keyPoints: string;
  followUp: string;
}

let keys = 0;

function draftOf(q?: QuestionSet['questions'][number]): DraftQuestion {
  return {
    key: ++keys,
    id: q?.id ?? '',
    text: q?.text ?? '',
    competencies: q?.competencies.join(', ') ?? '',
    keyPoints: q?.keyPoints.join('\n') ?? '',
    followUp: q?.followUp ?? '',
  };
}

const lines = (text: string, split: RegExp) =>
  text
    .split(split)
    .map((s) => s.trim())
    .filter(Boolean);

/** Creates (`setId` null) or edits a question set; a built-in is saved as a copy under a new id. */
export function AdminQuestionSetPage({ setId }: { setId: string | null }) {
  const existing = useApi(
    () => (setId === null ? Promise.resolve(null) : api.questionSets.get(setId)),
    [setId],
  );
  return (
    <AdminPage title={setId === null ? 'New question set' : (existing.data?.name ?? setId)}>
      <Async state={existing} label="Loading question set…">
        {(set) => <QuestionSetForm key={set?.id ?? 'new'} set={set} />}
      </Async>
    </AdminPage>
  );
}

function QuestionSetForm({ set }: { set: QuestionSet | null }) {
  const copy = set?.builtIn === true;
  const [id, setId] = useState(set === null || copy ? '' : set.id);
  const [name, setName] = useState(set === null ? '' : copy ? `${set.name} (copy)` : set.name);
  const [questions, setQuestions] = useState<DraftQuestion[]>(() =>
    set === null ? [draftOf()] : set.questions.map((q) => draftOf(q)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const change = (key: number, patch: Partial<DraftQuestion>) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const stored = await adminApi.questionSets.save({
        id: id.trim(),
        name: name.trim(),
        version: set?.version ?? '1',
        questions: questions.map((q, i) => ({
          id: q.id.trim() || `q${i + 1}`,
          text: q.text.trim(),
          competencies: lines(q.competencies, /,/),
          keyPoints: lines(q.keyPoints, /\n/),
          ...(q.followUp.trim() ? { followUp: q.followUp.trim() } : {}),
        })),
      });
      setSaved(true);
      if (stored.id !== set?.id) navigate(`/admin/question-sets/${stored.id}`, { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack question-set-form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      {copy && (
        <p className="notice">
          This question set is built in: saving stores a copy in this workspace under the id you choose.
        </p>
      )}
      <section className="card stack" aria-labelledby="set-head">
        <h2 id="set-head">Question set</h2>
        <div className="grid-2 tight">
          <div className="field">
            <label htmlFor="set-id">Id</label>
            <input
              id="set-id"
              required
              pattern="[a-z0-9][a-z0-9\-]*"
              maxLength={100}
              readOnly={set !== null && !copy}
              value={id}
              onChange={(e) => setId(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="set-name">Name</label>
            <input
              id="set-name"
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
        </div>
      </section>
      {questions.map((q, i) => (
        <fieldset key={q.key} className="card question-edit" data-testid="question-edit">
          <legend>Question {i + 1}</legend>
          <div className="field">
            <label htmlFor={`q-text-${q.key}`}>Question</label>
            <textarea
              id={`q-text-${q.key}`}
              required
              minLength={5}
              rows={2}
              value={q.text}
              onChange={(e) => change(q.key, { text: e.target.value })}
            />
          </div>
          <div className="grid-2 tight">
            <div className="field">
              <label htmlFor={`q-points-${q.key}`}>Key points (one per line)</label>
              <textarea
                id={`q-points-${q.key}`}
                rows={3}
                value={q.keyPoints}
                onChange={(e) => change(q.key, { keyPoints: e.target.value })}
              />
            </div>
            <div className="stack">
              <div className="field">
                <label htmlFor={`q-follow-${q.key}`}>
                  Follow-up <span className="optional">(optional)</span>
                </label>
                <input
                  id={`q-follow-${q.key}`}
                  value={q.followUp}
                  onChange={(e) => change(q.key, { followUp: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`q-comp-${q.key}`}>
                  Competency ids <span className="optional">(comma separated)</span>
                </label>
                <input
                  id={`q-comp-${q.key}`}
                  value={q.competencies}
                  onChange={(e) => change(q.key, { competencies: e.target.value })}
                />
              </div>
            </div>
          </div>
          {questions.length > 1 && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
            >
              Remove question {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div className="save-bar">
        {error !== null && <ErrorMessage error={error} />}
        {saved && (
          <p className="success" role="status">
            Saved.
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() => setQuestions((qs) => [...qs, draftOf()])}
          >
            Add a question
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : copy ? 'Save a copy' : 'Save question set'}
          </button>
        </div>
      </div>
    </form>
  );
}
