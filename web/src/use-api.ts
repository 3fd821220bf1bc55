import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again, keeping the current data on screen until the new answer arrives. */
  readonly reload: () => void;
  /** Replaces the data in place, e.g. with the answer of a change the user just made. */
  readonly setData: (data: T) => void;
}

/**
 * Loads data for a page and reloads it when `deps` change; late answers of an earlier load are
 * dropped so a quick navigation never shows the previous record.
 *
 * @example
 * const jobs = useApi(() => api.jobs.list(), [])
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (!current) return;
        setError(cause);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
