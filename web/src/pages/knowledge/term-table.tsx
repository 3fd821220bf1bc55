import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorMessage } from '../../components/status';

/** A topic or a tracked name as the table shows it: its synonyms or aliases are its `terms`. */
export interface TermItem {
  readonly id: string;
  readonly name: string;
  readonly terms: readonly string[];
  readonly kind?: string;
}

export interface TermInput {
  readonly name: string;
  readonly terms: string[];
  readonly kind?: string;
}

interface Props {
  /** What one item is called: "topic", "name". */
  readonly noun: string;
  /** "Synonyms", "Aliases". */
  readonly termsLabel: string;
  readonly items: readonly TermItem[];
  /** Choices of a kind column (competitor, product); none for topics. */
  readonly kinds?: readonly string[];
  readonly onSave: (id: string | null, input: TermInput) => Promise<void>;
  readonly onDelete: (item: TermItem) => Promise<void>;
}

/** "price, cost ,budget" → ['price', 'cost', 'budget']; the server checks each and names a bad one. */
export function splitTerms(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** A table of topics or tracked names, each editable in place, with a form to add one below. */
export function TermTable({ noun, termsLabel, items, kinds, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    }
  };
  return (
    <>
      {error !== null && <ErrorMessage error={error} />}
      {items.length === 0 ? (
        <EmptyState title={`No ${noun}s yet`}>Add one with the form below.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="stack-table" data-testid={`${noun}-table`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {kinds && <th scope="col">Kind</th>}
                <th scope="col">{termsLabel}</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) =>
                editing === item.id ? (
                  <tr key={item.id}>
                    <td colSpan={kinds ? 4 : 3}>
                      <TermForm
                        idPrefix={`edit-${item.id}`}
                        noun={noun}
                        termsLabel={termsLabel}
                        kinds={kinds}
                        initial={item}
                        submitLabel="Save"
                        onCancel={() => setEditing(null)}
                        onSubmit={async (input) => {
                          if (await run(() => onSave(item.id, input))) setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={item.id} data-testid={`${noun}-row`}>
                    <th scope="row">{item.name}</th>
                    {kinds && <td data-label="Kind">{item.kind}</td>}
                    <td data-label={termsLabel}>
                      {item.terms.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        <ul className="chips" aria-label={`${termsLabel} of ${item.name}`}>
                          {item.terms.map((t) => (
                            <li key={t} className="chip">
                              {t}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="actions-cell">
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={`Edit ${item.name}`}
                          onClick={() => setEditing(item.id)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button danger small"
                          aria-label={`Delete ${item.name}`}
                          onClick={() => {
                            if (window.confirm(`Delete “${item.name}”? Its tags go at the next tagging.`))
                              void run(() => onDelete(item));
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <div className="term-add">
        <h3>Add a {noun}</h3>
        <TermForm
          idPrefix={`add-${noun}`}
          noun={noun}
          termsLabel={termsLabel}
          kinds={kinds}
          submitLabel={`Add ${noun}`}
          resetOnSubmit
          onSubmit={(input) => run(() => onSave(null, input)).then(() => undefined)}
        />
      </div>
    </>
  );
}

function TermForm(props: {
  idPrefix: string;
  noun: string;
  termsLabel: string;
  kinds?: readonly string[] | undefined;
  initial?: TermItem;
  submitLabel: string;
  resetOnSubmit?: boolean;
  onSubmit: (input: TermInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { idPrefix, kinds, initial } = props;
  const [name, setName] = useState(initial?.name ?? '');
  const [terms, setTerms] = useState(initial?.terms.join(', ') ?? '');
  const [kind, setKind] = useState(initial?.kind ?? kinds?.[0] ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await props.onSubmit({ name: name.trim(), terms: splitTerms(terms), ...(kinds ? { kind } : {}) });
    setBusy(false);
    if (props.resetOnSubmit) {
      setName('');
      setTerms('');
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>Name</label>
        <input
          id={`${idPrefix}-name`}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {kinds && (
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`}>Kind</label>
          <select id={`${idPrefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-terms`}>{props.termsLabel}</label>
        <input
          id={`${idPrefix}-terms`}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          aria-describedby={`${idPrefix}-terms-hint`}
        />
        <p className="hint" id={`${idPrefix}-terms-hint`}>
          Separated by commas; each counts as the {props.noun} in a transcript, any letter case.
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
