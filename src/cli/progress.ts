/** A progress line for long work, on stderr so stdout stays clean for `--json`. */
export interface Progress {
  /** Reports `done` of `total` (e.g. seconds of audio); total may be null when unknown. */
  update(done: number, total: number | null): void;
  /** Ends the line with a final message. */
  finish(message: string): void;
}

/**
 * On a terminal the line is redrawn in place; elsewhere (CI, a log file) a line is printed at
 * each further tenth, so logs stay short.
 * @example const p = createProgress('recognising speech', 'seconds'); p.update(30, 600); p.finish('done')
 */
export function createProgress(
  label: string,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const tty = stream.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  return {
    update(done, total) {
      const share = total && total > 0 ? Math.min(1, done / total) : null;
      const text =
        share === null
          ? `${label}: ${formatAmount(done, unit)}`
          : `${label}: ${Math.floor(share * 100)}% (${formatAmount(done, unit)} of ${formatAmount(total ?? 0, unit)})`;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && share !== 1) return;
        lastDraw = now;
        stream.write(`\r\x1b[2K${text}`);
        return;
      }
      const tenth = share === null ? Math.floor(done / 60) : Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
    },
    finish(message) {
      stream.write(tty ? `\r\x1b[2K${label}: ${message}\n` : `${label}: ${message}\n`);
    },
  };
}

function formatAmount(value: number, unit: string): string {
  if (unit !== 'seconds') {
    const n = Math.round(value);
    // "1 file", "2 files": units are given in the plural.
    return `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
  }
  const m = Math.floor(value / 60);
  const s = Math.floor(value % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
