import { useEffect, useState } from 'react';
import { API_BASE, api, type Task } from './api';

const finished = (task: Task) => task.status === 'done' || task.status === 'failed';

/**
 * Follows an analysis task live: `GET /tasks/:id/events` (Server-Sent Events, one `task` event
 * per change) and, if the stream breaks, polls `GET /tasks/:id` once a second until it finishes.
 *
 * @example
 * const task = useTask(taskId, (t) => t.status === 'done' && reload())
 */
export function useTask(initial: Task | null, onFinish?: (task: Task) => void): Task | null {
  const [task, setTask] = useState<Task | null>(initial);
  const id = initial?.id ?? null;

  useEffect(() => {
    setTask(initial);
    if (!initial || finished(initial)) {
      if (initial) onFinish?.(initial);
      return;
    }
    let closed = false;
    let timer: number | undefined;
    let source: EventSource | null = null;

    const update = (next: Task) => {
      if (closed) return;
      setTask(next);
      if (finished(next)) {
        stop();
        onFinish?.(next);
      }
    };
    const stop = () => {
      closed = true;
      source?.close();
      if (timer !== undefined) window.clearTimeout(timer);
    };
    const poll = () => {
      api.tasks
        .get(initial.id)
        .then(update, () => undefined)
        .finally(() => {
          if (!closed) timer = window.setTimeout(poll, 1000);
        });
    };

    if (typeof EventSource === 'function') {
      source = new EventSource(`${API_BASE}/tasks/${encodeURIComponent(initial.id)}/events`, {
        withCredentials: true,
      });
      source.addEventListener('task', (event) => {
        try {
          update(JSON.parse((event as MessageEvent<string>).data) as Task);
        } catch {
          // A malformed event is skipped; the next one or the poll carries the state.
        }
      });
      source.onerror = () => {
        // The stream ended or broke before the task finished: fall back to polling.
        source?.close();
        source = null;
        if (!closed && timer === undefined) poll();
      };
    } else {
      poll();
    }
    return stop;
    // Only a new task id restarts the stream; `initial` and `onFinish` are read once per id.
  }, [id]);

  // Until the effect above catches up with a new (or no) task, show that one, not the last: a
  // cleared answer must not flash the previous answer's feedback for a render.
  return task !== null && task.id === id ? task : initial;
}
