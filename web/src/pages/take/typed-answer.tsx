import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { takeApi, type TakeState } from '../../api/take';
import { ErrorMessage } from '../../components/status';

/** A typed answer instead of a recording (when the invitation allows it). */
export function TypedAnswer({
  token,
  position,
  onSaved,
  onCancel,
  onLinkError,
}: {
  token: string;
  position: number;
  onSaved: (state: TakeState) => void;
  onCancel: () => void;
  onLinkError: (error: unknown) => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await takeApi.typeAnswer(token, position, text));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 410) onLinkError(cause);
      else setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <div className="field">
        <label htmlFor={`typed-${position}`}>Your answer</label>
        <textarea
          id={`typed-${position}`}
          rows={8}
          required
          maxLength={20000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="button-row take-actions">
        <button type="submit" className="button primary take-button" disabled={busy || text.trim() === ''}>
          {busy ? 'Saving…' : 'Save answer'}
        </button>
        <button type="button" className="button secondary take-button" onClick={onCancel}>
          Record instead
        </button>
      </div>
    </form>
  );
}
