import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { prettyLogStream } from './log-format.js';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('prettyLogStream', () => {
  it('prints a request as one readable line, and other events with their fields', async () => {
    const out = sink();
    const app = Fastify({ logger: { level: 'info', stream: prettyLogStream(out.stream) } });
    app.get('/hello', (request) => {
      request.log.warn({ taskId: 'task_1' }, 'something to see');
      return { ok: true };
    });
    await app.inject({ method: 'GET', url: '/hello?x=1' });
    await app.close();
    const lines = out.text().trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}GET \/hello\?x=1 200 \d+\.\d ms$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\d\d:\d\d:\d\d WARN {2}something to see \[GET \/hello\?x=1\] {2}taskId=task_1$/,
      ),
    );
    expect(out.text()).not.toContain('{"level"');
  });
});
