import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TaskRecord } from '../../../store/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { loadTask } from './access.js';
import { taskJson } from './present.js';
import { IdParams } from './schemas.js';

/** How often the stream reads the task from the database, in ms. */
export const TASK_EVENTS_POLL_MS = 250;
/** A comment line this often keeps proxies from closing a quiet stream, in ms. */
const KEEP_ALIVE_MS = 15_000;

const finished = (task: TaskRecord) => task.status === 'done' || task.status === 'failed';

/**
 * `GET /tasks/:id/events`: Server-Sent Events, `event: task` with the Task JSON first and on
 * every change, ending after `done` or `failed`. The task is read from the database, so the
 * stream follows a worker in any process.
 * @example const source = new EventSource('/api/v1/tasks/task_1/events'); source.addEventListener('task', …)
 */
export function taskEventRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/tasks/:id/events',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['interviews'],
          summary: 'Follow a task: text/event-stream of `task` events, ending when it is done or failed',
          params: IdParams,
          response: {
            200: z.any().describe('text/event-stream: `event: task`, `data: <Task JSON>`'),
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const first = await loadTask(request, store, request.params.id);
        const stream = new PassThrough();
        let last = '';
        let timer: NodeJS.Timeout | undefined;
        let closed = false;
        const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
        const close = () => {
          if (closed) return;
          closed = true;
          clearTimeout(timer);
          clearInterval(keepAlive);
          stream.end();
        };
        const send = (task: TaskRecord): void => {
          const json = JSON.stringify(taskJson(task));
          if (json === last) return;
          last = json;
          stream.write(`event: task\nid: ${task.updatedAt}\ndata: ${json}\n\n`);
        };
        const poll = async (): Promise<void> => {
          if (closed) return;
          try {
            const task = await store.queue.get(first.id);
            send(task);
            if (finished(task)) return close();
          } catch (error) {
            request.log.error({ err: error }, 'task events: reading the task failed');
            return close();
          }
          timer = setTimeout(() => void poll(), TASK_EVENTS_POLL_MS);
        };
        reply.raw.once('close', close);

        stream.write(`retry: 2000\n\n`);
        send(first);
        if (finished(first)) close();
        else timer = setTimeout(() => void poll(), TASK_EVENTS_POLL_MS);
        return reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('x-accel-buffering', 'no')
          .send(stream);
      },
    );
    return Promise.resolve();
  };
}
