import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api';

/** A loading placeholder that assistive technology announces as busy. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" aria-busy="true" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An error in words, announced as soon as it appears. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{errorMessage(error)}</p>
      {retry && !(error instanceof ApiError && error.status >= 400 && error.status < 500) && (
        <button type="button" className="button secondary small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What is missing and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/** Loading, error or the content, for one `useApi` result. */
export function Async<T>({
  state,
  children,
  label,
}: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (state.data !== undefined) {
    return (
      <>
        {state.error && !state.loading ? <ErrorMessage error={state.error} retry={state.reload} /> : null}
        {children(state.data)}
      </>
    );
  }
  if (state.error && !state.loading) return <ErrorMessage error={state.error} retry={state.reload} />;
  return <Loading label={label} />;
}
