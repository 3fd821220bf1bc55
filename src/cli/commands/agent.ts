/**
 * `candor agent …`: the follow-up agent from the command line (issue 14). For now `classify`,
 * which prints what the agent would make of candidates' replies (docs/agent-classifier.md).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CandorError } from '../../core/index.js';
import { classifyReply, type ReplyClassification } from '../../followup/index.js';

export interface ClassifyOptions {
  /** A file with one reply per line. */
  readonly file?: string | undefined;
  readonly json?: boolean | undefined;
}

/** One reply's result, or why it could not be classified (an empty line of a file). */
export type ClassifiedReply =
  | ({ readonly line?: number; readonly reply: string } & ReplyClassification)
  | {
      readonly line: number;
      readonly reply: string;
      readonly error: { code: 'VALIDATION_FAILED'; message: string };
    };

/** The replies of `--file`: one per line; the final line break ends the last line. */
function readReplies(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CandorError('FILE_UNREADABLE', `${file}: cannot read it (${(error as Error).message})`, {
      file,
    });
  }
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (lines.length === 1 && lines[0]!.trim() === '')
    throw new CandorError('VALIDATION_FAILED', `${file}: no replies (expected one reply per line)`, { file });
  return lines;
}

const render = (r: ClassifiedReply): string => {
  const where = r.line === undefined ? '' : `${r.line}: `;
  if ('error' in r) return `${where}error: ${r.error.message}`;
  const frustration = r.frustrated ? `  FRUSTRATED (${r.frustration.toFixed(2)})` : '';
  return `${where}${r.intent} (${r.confidence.toFixed(2)})${frustration}  “${r.reply}”\n    ${r.reasons.join('; ')}`;
};

/**
 * `candor agent classify "<reply>"` or `--file replies.txt`: every reply's intent, confidence and
 * frustration, in the file's order. An empty reply (or an empty line of the file) is reported in
 * place and then fails the command with VALIDATION_FAILED naming it; the other lines still print.
 * @example agentClassify('2', {}) // prints 'slot_choice (0.90)  “2”'
 */
export function agentClassify(
  reply: string | undefined,
  options: ClassifyOptions,
  print: (text: string) => void = (text) => void process.stdout.write(text),
): ClassifiedReply[] {
  if ((reply === undefined) === (options.file === undefined))
    throw new CandorError(
      'VALIDATION_FAILED',
      'give one reply in quotes, or --file FILE with one reply per line',
      {
        option: 'file',
      },
    );
  let results: ClassifiedReply[];
  if (reply !== undefined) {
    if (reply.trim() === '')
      throw new CandorError('VALIDATION_FAILED', 'the reply is empty: give the text of a reply', {
        field: 'reply',
      });
    results = [{ reply, ...classifyReply(reply) }];
  } else {
    const file = options.file!;
    results = readReplies(file).map((text, i): ClassifiedReply => {
      const line = i + 1;
      if (text.trim() === '')
        return {
          line,
          reply: text,
          error: { code: 'VALIDATION_FAILED', message: `${file} line ${line}: empty reply` },
        };
      return { line, reply: text, ...classifyReply(text) };
    });
  }
  print(
    options.json
      ? `${JSON.stringify(reply !== undefined ? results[0] : results, null, 2)}\n`
      : results.map(render).join('\n') + '\n',
  );
  const empty = results.flatMap((r) => ('error' in r ? [r.line] : []));
  if (empty.length > 0)
    throw new CandorError(
      'VALIDATION_FAILED',
      `${options.file} line${empty.length > 1 ? 's' : ''} ${empty.join(', ')}: empty reply (the other lines were classified)`,
      { file: options.file ?? '', lines: empty.join(',') },
    );
  return results;
}

/** Adds `candor agent` and its commands to the CLI. */
export function registerAgentCommands(cli: Command): void {
  const agent = cli.command('agent').description("the follow-up agent: candidates' messages and replies");
  agent
    .command('classify')
    .description("a reply's intent, confidence and frustration flag (docs/agent-classifier.md)")
    .argument('[reply]', "the reply's text, in quotes")
    .option('--file <file>', 'a text file with one reply per line; results in the same order')
    .option('--json', 'print JSON')
    .action((reply: string | undefined, opts: ClassifyOptions) => {
      agentClassify(reply, opts);
    });
}
