/** `candor export`: tagged segments or search results as CSV or NDJSON (issue 16 part 4). */
import fs from 'node:fs';
import { once } from 'node:events';
import {
  exportLines,
  exportRequest,
  type ExportChunk,
  type ExportOptions,
} from '../../knowledge/trends/index.js';
import { withWorkspace, type StoreIo, type WorkspaceOptions } from '../context.js';

export interface ExportCliOptions extends ExportOptions, Omit<WorkspaceOptions, 'json'> {
  /** A file to write; stdout when left out. */
  readonly out?: string | undefined;
}

/**
 * Writes the export a page at a time to `--out` or stdout, waiting whenever the output is full,
 * so a 100,000-row export never sits in memory. Returns the rows written (without the CSV header).
 * @throws CandorError VALIDATION_FAILED for an unknown format, subject, kind or date (exit 2)
 * @example await exportCommand({ format: 'csv', what: 'tags', kind: 'customer', out: 'tags.csv' })
 */
export async function exportCommand(
  options: ExportCliOptions,
  io: StoreIo & { readonly output?: NodeJS.WritableStream } = {},
): Promise<{ rows: number }> {
  const request = exportRequest(options);
  return withWorkspace(options, io, async (store, workspaceId) => {
    const lines = exportLines(store, workspaceId, request);
    // Read the first page before opening the file: a bad filter fails without leaving an empty file.
    const first = await lines.next();
    const file = options.out === undefined ? undefined : fs.createWriteStream(options.out);
    const output = file ?? io.output ?? process.stdout;
    let rows = 0;
    const write = async (chunk: ExportChunk) => {
      rows += chunk.rows;
      if (!output.write(chunk.text)) await once(output, 'drain');
    };
    try {
      if (first.done !== true) await write(first.value);
      for await (const chunk of lines) await write(chunk);
    } finally {
      if (file !== undefined) {
        file.end();
        await once(file, 'close');
      }
    }
    if (file !== undefined) (io.progress ?? process.stderr).write(`${rows} rows written to ${options.out}\n`);
    return { rows };
  });
}
