import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { adminApi, type FrameworkDefinition } from '../../api/admin';
import { ErrorMessage } from '../../components/status';

type Bound = { min?: number; max?: number };

/** `competencies.0.behaviours.1.signals.2.weight` → `Clarity & coherence › readable-sentences › disfluenciesPer100 › weight`. */
export function fieldLabel(definition: FrameworkDefinition, field: string): string {
  const parts = field.split('.');
  const words: string[] = [];
  const competency = parts[0] === 'competencies' ? definition.competencies[Number(parts[1])] : undefined;
  if (competency === undefined) return field;
  words.push(competency.name);
  const behaviour = parts[2] === 'behaviours' ? competency.behaviours[Number(parts[3])] : undefined;
  if (behaviour !== undefined) {
    words.push(behaviour.id);
    const signal = parts[4] === 'signals' ? behaviour.signals[Number(parts[5])] : undefined;
    if (signal !== undefined) {
      words.push(signal.signal);
      words.push(parts.slice(6).join(' '));
    } else words.push(parts.slice(4).join(' '));
  } else words.push(parts.slice(2).join(' '));
  return words.filter(Boolean).join(' › ');
}

function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * A framework's weights and targets as a form (a read-only table when `readOnly`); saving stores
 * the next version, and a refused field is named and marked.
 * @example <FrameworkEditor definition={f.definition} onSaved={(v) => …} />
 */
export function FrameworkEditor({
  definition,
  readOnly,
  onSaved,
}: {
  definition: FrameworkDefinition;
  readOnly?: boolean;
  onSaved?: (version: string) => void;
}) {
  const [draft, setDraft] = useState<FrameworkDefinition>(() => structuredClone(definition));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalidField =
    error instanceof ApiError ? ((error.details as { field?: string } | undefined)?.field ?? null) : null;

  const edit = (change: (d: FrameworkDefinition) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await adminApi.frameworks.saveVersion(definition.id, draft);
      onSaved?.(saved.version);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError) {
        const field = (cause.details as { field?: string } | undefined)?.field;
        if (field) document.getElementById(`fw-${field}`)?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  const numberInput = (
    field: string,
    label: string,
    value: number | undefined,
    set: (v: number | undefined) => void,
  ) =>
    readOnly ? (
      <span>{value ?? '—'}</span>
    ) : (
      <input
        id={`fw-${field}`}
        type="number"
        step="any"
        inputMode="decimal"
        className="number-input"
        aria-label={label}
        aria-invalid={invalidField === field ? true : undefined}
        value={value ?? ''}
        onChange={(e) => set(numberOrUndefined(e.target.value))}
      />
    );
  const bound = (field: string, label: string, b: Bound, key: 'min' | 'max', set: (b: Bound) => void) =>
    numberInput(`${field}.${key}`, `${label} ${key}`, b[key], (v) => {
      const next = { ...b };
      if (v === undefined) delete next[key];
      else next[key] = v;
      set(next);
    });

  const shownError =
    error instanceof ApiError && invalidField
      ? new ApiError(
          error.status,
          error.code,
          `${fieldLabel(draft, invalidField)}: ${error.message.replace(/^[^:]*: /, '')}`,
        )
      : error;

  return (
    <form className="stack framework-editor" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      {!readOnly && (
        <div className="save-bar">
          <p className="small">
            Change weights and targets below, then save: the edit becomes the next version.
          </p>
          {error !== null && <ErrorMessage error={shownError} />}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save as a new version'}
            </button>
            <span className="muted small">
              Version {definition.version} stays as it is; scorecards scored with it keep citing it.
            </span>
          </div>
        </div>
      )}
      {draft.competencies.map((c, ci) => (
        <section key={c.id} className="card" aria-labelledby={`comp-${c.id}`}>
          <div className="section-head">
            <h2 id={`comp-${c.id}`}>{c.name}</h2>
            <label className="inline-field">
              Weight{' '}
              {numberInput(`competencies.${ci}.weight`, `${c.name} weight`, c.weight, (v) =>
                edit((d) => {
                  d.competencies[ci]!.weight = v as number;
                }),
              )}
            </label>
          </div>
          <p className="muted small">{c.description}</p>
          <div className="table-wrap">
            <table className="stack-table signal-table" data-testid={`signals-${c.id}`}>
              <thead>
                <tr>
                  <th scope="col">Behaviour › signal</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Full credit from</th>
                  <th scope="col">Full credit to</th>
                  <th scope="col">Zero credit below</th>
                  <th scope="col">Zero credit above</th>
                </tr>
              </thead>
              <tbody>
                {c.behaviours.flatMap((b, bi) =>
                  b.signals.map((s, si) => {
                    const base = `competencies.${ci}.behaviours.${bi}.signals.${si}`;
                    const label = `${c.name} ${s.signal}`;
                    const set = (change: (rule: typeof s) => void) =>
                      edit((d) => change(d.competencies[ci]!.behaviours[bi]!.signals[si]!));
                    return (
                      <tr key={`${b.id}/${s.signal}`}>
                        <th scope="row">
                          {s.signal}
                          <div className="cell-note">{b.id}</div>
                        </th>
                        <td data-label="Weight">
                          {numberInput(`${base}.weight`, `${label} weight`, s.weight, (v) =>
                            set((r) => {
                              r.weight = v;
                            }),
                          )}
                        </td>
                        <td data-label="Full credit from">
                          {bound(`${base}.target`, `${label} target`, s.target, 'min', (t) =>
                            set((r) => void (r.target = t)),
                          )}
                        </td>
                        <td data-label="Full credit to">
                          {bound(`${base}.target`, `${label} target`, s.target, 'max', (t) =>
                            set((r) => void (r.target = t)),
                          )}
                        </td>
                        <td data-label="Zero credit below">
                          {bound(`${base}.zeroAt`, `${label} zero at`, s.zeroAt, 'min', (z) =>
                            set((r) => void (r.zeroAt = z)),
                          )}
                        </td>
                        <td data-label="Zero credit above">
                          {bound(`${base}.zeroAt`, `${label} zero at`, s.zeroAt, 'max', (z) =>
                            set((r) => void (r.zeroAt = z)),
                          )}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </form>
  );
}
