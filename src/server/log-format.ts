import { Writable } from 'node:stream';

/** pino's numeric levels (https://getpino.io/#/docs/api?id=levels). */
const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every pino line has, left out of the `key=value` tail. */
const BASE_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'err', 'v']);

interface PinoLine {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

function clock(time: number | undefined): string {
  return new Date(time ?? Date.now()).toTimeString().slice(0, 8);
}

function tail(line: PinoLine): string {
  const pairs = Object.entries(line)
    .filter(([key, value]) => !BASE_FIELDS.has(key) && key !== 'responseTime' && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return pairs.length === 0 ? '' : `  ${pairs.join(' ')}`;
}

/**
 * A stream for Fastify's pino logger that prints one readable line per event instead of JSON:
 * `09:14:02 INFO  GET /api/v1/health 200 1.4 ms`. A request is one line when it completes (its
 * method and path are remembered from the "incoming request" line); an error prints its message
 * and stack. Lines that are not JSON pass through unchanged. CANDOR_LOG_FORMAT=json keeps pino's JSON.
 *
 * @example Fastify({ logger: { level: 'info', stream: prettyLogStream(process.stdout) } })
 */
export function prettyLogStream(out: NodeJS.WritableStream): Writable {
  const requests = new Map<string, string>();
  let pending = '';
  const format = (text: string): string | null => {
    let line: PinoLine;
    try {
      line = JSON.parse(text) as PinoLine;
    } catch {
      return text;
    }
    const head = `${clock(line.time)} ${LEVEL_NAMES[line.level ?? 30] ?? 'INFO '}`;
    if (line.reqId !== undefined && line.req !== undefined && line.msg === 'incoming request') {
      requests.set(line.reqId, `${line.req.method ?? ''} ${line.req.url ?? ''}`);
      return null;
    }
    if (line.reqId !== undefined && line.res !== undefined && line.msg === 'request completed') {
      const request = requests.get(line.reqId) ?? line.reqId;
      requests.delete(line.reqId);
      const ms = typeof line.responseTime === 'number' ? ` ${line.responseTime.toFixed(1)} ms` : '';
      return `${head} ${request} ${line.res.statusCode ?? ''}${ms}`;
    }
    const where =
      line.reqId !== undefined && requests.has(line.reqId) ? ` [${requests.get(line.reqId)}]` : '';
    const error =
      line.err?.stack ?? (line.err?.message === undefined ? '' : `${line.err.type}: ${line.err.message}`);
    return `${head} ${line.msg ?? ''}${where}${tail(line)}${error === '' ? '' : `\n${error}`}`;
  };
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const printed = lines
        .filter((l) => l.trim() !== '')
        .map(format)
        .filter((l): l is string => l !== null);
      if (printed.length > 0) out.write(`${printed.join('\n')}\n`);
      done();
    },
  });
}
