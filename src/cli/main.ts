import { Command, CommanderError, Option } from 'commander';
import { CandorError, engineVersion, INPUT_ERROR_CODES, toCandorError } from '../core/index.js';
import { analyzeFile } from './commands/analyze.js';
import { frameworksList, frameworksShow, signalsList } from './commands/catalogue.js';
import { runDemo } from './commands/demo.js';
import { serve } from './commands/serve.js';
import { createUser } from './commands/user.js';
import { ratingsAgreementCommand, ratingsImport, ratingsList } from './commands/ratings.js';
import { doctorReport } from './commands/doctor.js';
import { featuresCommand, type FeaturesOptions } from './commands/features.js';
import { modelTrain, modelValidate, type ModelTrainOptions } from './commands/model-train.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerAgentCommands } from './commands/agent.js';
import { shutdown } from './context.js';
import { modelActivate, modelImport, modelList, modelShow, rescoreCommand } from './commands/models.js';
import { loadModel } from '../model/built-in.js';
import { renderScorecard, styleFor } from './render.js';
import { searchCommand, type SearchCliOptions } from './commands/search.js';
import { tagCommand, type TagCliOptions } from './commands/tag.js';
import { exportCommand, type ExportCliOptions } from './commands/export.js';
import { importCommand, type ImportCliOptions } from './commands/import.js';
import { CONVERSATION_KINDS } from '../domain/index.js';
import { parseSpeakerCount, SPEAKER_COUNT_RULE, type SpeakerCount } from '../pipeline/speakers.js';

/**
 * Exit codes: 0 success, 1 internal error (or `candor import` with some files failed), 2 bad
 * input (one-line reason on stderr).
 */
export const EXIT = { ok: 0, internal: 1, input: 2, someFailed: 1 } as const;

/** The exit code a command that finished asks for (`candor import` with failures); reset per run. */
let finishedWith: number = EXIT.ok;

function program(): Command {
  const cli = new Command('candor')
    .description('Interview intelligence: evidence-linked soft-skill scorecards from interview transcripts.')
    .version(engineVersion())
    // `candor --version` only before a command: `candor model show ID --version 2` is the model's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cli
    .command('analyze')
    .description('score a transcript (VTT, SRT, JSON, text) or a folder of answer files')
    .argument('<file>', 'transcript file, or a folder with one file per answer')
    .option('--job <file>', 'job description (Markdown or text) for role alignment')
    .option('--framework <id|file>', 'competency framework: built-in id or YAML/JSON file', 'default')
    .option('--questions <id|file>', 'question set the interviewer turns are matched to', 'default')
    .option('--question <id>', 'for a single answer: the id of the question it answers')
    .option('--candidate <speaker>', "the candidate's speaker label in a live interview")
    .option('--transcript <file>', 'for a recording: its transcript, used instead of speech recognition')
    .option('--score-voice', 'let voice signals (pitch range, articulation rate) count towards scores')
    .option(
      '--speakers <auto|1|N>',
      'for one recording without a transcript: speakers to tell apart (auto counts them; 1 keeps one voice)',
      'auto',
    )
    .option(
      '--model <id|file>',
      "record a trained model's prediction beside the framework's scores: a built-in id (reference-overall) or a model file",
    )
    .option(
      '--json',
      'print the scorecard as JSON, with the transcript (segments: speaker, times, words with times and confidences)',
    )
    .action(
      async (
        file: string,
        opts: {
          model?: string;
          job?: string;
          framework: string;
          questions: string;
          question?: string;
          candidate?: string;
          transcript?: string;
          scoreVoice?: boolean;
          speakers: string;
          json?: boolean;
        },
      ) => {
        const { model, speakers, ...rest } = opts;
        const { scorecard, transcript } = await analyzeFile(file, {
          ...rest,
          speakers: parseSpeakers(speakers),
          ...(model === undefined ? {} : { model: loadModel(model) }),
        });
        process.stdout.write(
          opts.json
            ? JSON.stringify({ ...scorecard, transcript }, null, 2) + '\n'
            : renderScorecard(scorecard, styleFor(process.stdout)),
        );
      },
    );

  cli
    .command('features')
    .description(
      'write one row of features per interview (per answer with --answers): every catalogue signal, interview totals, expert scores',
    )
    .argument('[files...]', 'interview files, or folders of interview files (each file one interview)')
    .option(
      '--job <file|id>',
      'with files: job description (Markdown or text) for role alignment; without files: a stored job whose analysed interviews are read from the store',
    )
    .option('--data-dir <dir>', 'for a stored job: data folder (default: CANDOR_DATA_DIR or ./data)')
    .option('--workspace <slug>', 'for a stored job: workspace', 'default')
    .option('--framework <id|file>', 'competency framework for the expert:… columns', 'default')
    .option('--questions <id|file>', 'question set the interviewer turns are matched to', 'default')
    .option('--candidate <speaker>', "the candidate's speaker label in live interviews")
    .option('--answers', 'one row per answer instead of one per interview')
    .option('--answer-folders', 'each folder argument is one async interview (one answer per file)')
    .option(
      '--person-from <regex>',
      'take the person from the interview name: one capture group, e.g. "^p+(\\d+)"',
    )
    .option('--csv', 'write CSV (the default)')
    .option('--json', 'write JSON: an array of { interview, person, answer?, values }')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (files: string[], opts: FeaturesOptions) => {
      await featuresCommand(files, opts);
    });

  const frameworks = cli.command('frameworks').description('list and show competency frameworks');
  frameworks
    .command('list')
    .description('list the built-in frameworks')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => void process.stdout.write(frameworksList(opts.json ?? false)));
  frameworks
    .command('show')
    .description('show a framework: competencies, behaviours, signals and targets')
    .argument('<id|file>', 'built-in id or a YAML/JSON file')
    .option('--json', 'print JSON')
    .action(
      (id: string, opts: { json?: boolean }) =>
        void process.stdout.write(frameworksShow(id, opts.json ?? false)),
    );

  cli
    .command('signals')
    .description('list the signal catalogue: what each signal measures, its unit, range, method and source')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => void process.stdout.write(signalsList(opts.json ?? false)));

  cli
    .command('serve')
    .description('start the HTTP API (docs at /api/docs); stops on Ctrl-C')
    .option('--port <n>', 'port to listen on (default: PORT or 3000; 0 picks a free one)')
    .option('--demo', 'seed and open the demo workspace, printing its sign-in accounts')
    .action(async (opts: { port?: string; demo?: boolean }) => {
      const port = opts.port === undefined ? undefined : Number(opts.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
        throw new CandorError(
          'CONFIG_INVALID',
          `--port: expected an integer between 0 and 65535, got "${opts.port}"`,
          {
            setting: 'port',
          },
        );
      }
      const server = await serve({ ...(port === undefined ? {} : { port }), demo: opts.demo ?? false });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });

  cli
    .command('user')
    .description('manage the people who can sign in')
    .command('create')
    .description('add a user; without --password one is generated and printed once')
    .requiredOption('--email <email>', 'their e-mail address, used to sign in')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--role <role>', 'admin, recruiter, hiring_manager, advisor, candidate or auditor')
    .option('--password <password>', 'at least 8 characters')
    .option('--workspace <slug>', 'workspace (created if missing)', 'default')
    .action(
      async (opts: { email: string; name: string; role: string; password?: string; workspace: string }) => {
        await createUser(opts);
      },
    );

  cli
    .command('doctor')
    .description('check what Candor can use here: speech engines, ffmpeg, model and data files')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await doctorReport();
      process.stdout.write(opts.json ? JSON.stringify(report.json, null, 2) + '\n' : report.text);
    });

  cli
    .command('demo')
    .description('seed the embedded database with the examples, analyse them and print a ranked summary')
    .option('--json', 'print the ranking as JSON')
    .addOption(new Option('--data-dir <dir>', 'data folder (default: CANDOR_DATA_DIR or ./data)'))
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      await runDemo({ json: opts.json ?? false, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
    });

  const model = cli.command('model').description('train and validate scoring models on human ratings');
  model
    .command('train')
    .description(
      'train a model for one target on human ratings (a CSV or the stored ones) and features (a CSV or the stored analyses), validated blind by person',
    )
    .requiredOption('--target <target>', 'the rated target: overall, another named target or a competency id')
    .option(
      '--ratings <file>',
      "ratings CSV: interview,rater,target,score,scale[,person,answer,note] (default: the workspace's stored ratings)",
    )
    .option(
      '--features <file>',
      'features CSV: interview,person,<signal ids…> (candor features --csv; default: read from the stored analyses)',
    )
    .option('--job <id>', "with stored ratings: only this job's interviews")
    .option(
      '--data-dir <dir>',
      'for stored ratings or features: data folder (default: CANDOR_DATA_DIR or ./data)',
    )
    .option('--workspace <slug>', 'for stored ratings or features: workspace', 'default')
    .option('--framework <id|file>', 'framework whose signal directions bound the weights', 'default')
    .option(
      '--signals <list>',
      'comma-separated features to use, chosen before looking (default: every usable column)',
    )
    .option('--method <method>', 'ridge or elastic-net', 'ridge')
    .option('--l1-ratio <r>', 'elastic net: share of the penalty on |weight|, 0–1 (default 0.5)')
    .option(
      '--folds <n>',
      'outer cross-validation folds, grouped by person (the inner loop choosing the penalty uses 5)',
      '5',
    )
    .option('--seed <n>', 'seed for the folds, the holdout and the bootstrap', '1')
    .option('--id <id>', 'model id (lower-case letters, digits, hyphens; default <target>-model)')
    .option('--name <text>', 'a name a person reads')
    .option(
      '--population <text>',
      'who the ratings describe: the population the model should not be stretched beyond',
    )
    .option(
      '--out <file>',
      'model file to write (default <id>.json; an existing one of the same id gets the next version)',
    )
    .option('--markdown', 'print the report as Markdown')
    .option('--json', 'print the model file instead of the report')
    .option(
      '--reweigh <attribute>',
      're-weigh training rows (Kamiran & Calders 2012) on sex, race_ethnicity or age_band; the report shows r and impact ratios before and after',
    )
    .option(
      '--demographics <file>',
      'with --reweigh: CSV person,sex,race_ethnicity,age_band, used only for the weights, never as inputs',
    )
    .action(async (opts: ModelTrainOptions) => {
      process.stdout.write((await modelTrain(opts)).output);
    });
  model
    .command('validate')
    .description("re-run a model's validation on other rated interviews (blind only if the people are new)")
    .argument('<model>', 'model file (JSON) written by candor model train')
    .requiredOption('--ratings <file>', 'ratings CSV')
    .requiredOption('--features <file>', 'features CSV')
    .option('--markdown', 'print the report as Markdown')
    .option('--json', 'print JSON')
    .action(
      (file: string, opts: { ratings: string; features: string; json?: boolean; markdown?: boolean }) =>
        void process.stdout.write(modelValidate(file, opts).output),
    );
  const dataDirOption = () =>
    new Option('--data-dir <dir>', 'data folder (default: CANDOR_DATA_DIR or ./data)');
  const workspaceOption = () => new Option('--workspace <slug>', 'workspace').default('default');
  interface StoreOpts {
    dataDir?: string;
    workspace: string;
    json?: boolean;
  }
  model
    .command('import')
    .description("store a model file's version in the workspace (the same file again changes nothing)")
    .argument('<file>', 'model file (JSON) written by candor model train')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (file: string, opts: StoreOpts) => {
      await modelImport(file, opts);
    });
  model
    .command('list')
    .description("the workspace's models and the built-in ones: target, versions, active, validation")
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (opts: StoreOpts) => {
      await modelList(opts);
    });
  model
    .command('show')
    .description("a model's validation report and weights, and its stored versions")
    .argument('<id>', 'model id (a stored or built-in model)')
    .option('--version <n>', 'this version (default: the newest)')
    .option('--markdown', 'print the report as Markdown')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (id: string, opts: StoreOpts & { version?: string; markdown?: boolean }) => {
      await modelShow(id, opts);
    });
  model
    .command('activate')
    .description(
      'make a model version the active one for its target (new analyses and candor rescore use it)',
    )
    .argument('<id>', 'model id (a stored or built-in model)')
    .option('--version <n>', 'this version (default: the newest)')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (id: string, opts: StoreOpts & { version?: string }) => {
      await modelActivate(id, opts);
    });
  cli
    .command('rescore')
    .description(
      "re-score stored interviews with the workspace's active model: a new scorecard records its id and version; nothing else changes",
    )
    .option('--interview <id>', 'one interview')
    .option('--job <id>', "every analysed interview of a job's applications")
    .option('--target <target>', 'the active model of this target', 'overall')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (opts: StoreOpts & { interview?: string; job?: string; target: string }) => {
      await rescoreCommand(opts);
    });
  const ratings = cli
    .command('ratings')
    .description('human ratings: import, rater agreement, list (docs/ratings.md)');
  ratings
    .command('import')
    .description('store every rating of a CSV file, or none if any row is wrong; importing again updates')
    .argument('<file>', 'ratings CSV: interview,rater,target,score,scale[,answer,person,note]')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { dataDir?: string; workspace: string; json?: boolean }) => {
      await ratingsImport(file, opts);
    });
  ratings
    .command('agreement')
    .description('inter-rater agreement per target: ICC(2,1), ICC(2,k), Krippendorff alpha')
    .option('--target <target>', 'only this target')
    .option('--job <id>', "only this job's interviews")
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        target?: string;
        job?: string;
        dataDir?: string;
        workspace: string;
        json?: boolean;
      }) => {
        await ratingsAgreementCommand(opts);
      },
    );
  ratings
    .command('list')
    .description("an interview's ratings")
    .requiredOption('--interview <id>', 'interview id')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (opts: { interview: string; dataDir?: string; workspace: string; json?: boolean }) => {
      await ratingsList(opts.interview, opts);
    });
  cli
    .command('import')
    .description(
      'import transcripts (VTT, SRT, JSON, text, CSV of turns) as one interview each; exit 0 if every file was imported (or was already), 1 if any failed (the others are kept), 2 for bad arguments',
    )
    .argument('<paths...>', 'transcript files, or folders (read recursively, hidden files left out)')
    .requiredOption('--kind <kind>', `kind of conversation: ${CONVERSATION_KINDS.join(', ')}`)
    .option('--account <name>', 'customer account, for every file')
    .option('--segment <name>', "account's segment (e.g. enterprise, SMB), for every file")
    .option('--role <role>', "interviewee's role, for every file")
    .option('--outcome <outcome>', 'how it ended (e.g. churned, renewed, won, lost), for every file')
    .option('--date <date>', 'when the conversations happened: YYYY-MM-DD or an ISO time (default: now)')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print the per-file results as JSON')
    .addHelpText(
      'after',
      '\nPer-file metadata: a sidecar call.meta.json (or call.vtt.meta.json) beside call.vtt with any of\n' +
        '{ "kind", "title", "account", "segment", "role", "outcome", "occurredAt" } overrides the options.\n' +
        'Each file is stored whole or not at all; a file imported before (same content) is skipped.',
    )
    .action(async (paths: string[], opts: ImportCliOptions & { workspace: string }) => {
      const summary = await importCommand(paths, opts);
      if (summary.files.length === 0) finishedWith = EXIT.input;
      else if (summary.failed > 0) finishedWith = EXIT.someFailed;
    });
  cli
    .command('search')
    .description(
      "search the workspace's transcripts: interviews that match, most relevant first, with the moments that match; exit 2 for a query or filter it cannot read",
    )
    .argument('<query>', 'words (all must occur in one segment), "quoted phrases", OR, -excluded, prefix*')
    .option(
      '--kind <kinds>',
      `only these kinds, comma-separated: ${CONVERSATION_KINDS.join(', ')}, async, live, practice`,
    )
    .option('--from <date>', 'held on or after: YYYY-MM-DD or an ISO time')
    .option('--to <date>', 'held on or before: YYYY-MM-DD (the whole day) or an ISO time')
    .option('--speaker <name>', "only this speaker's segments (as the transcript names them)")
    .option('--account <name>', 'only conversations with this customer account')
    .option('--job <id>', "only interviews of this job's applications")
    .option('--candidate <id>', "only this candidate's interviews")
    .option('--topic <name>', 'only interviews tagged with this topic')
    .option('--competitor <name>', 'only interviews naming this competitor or product')
    .option('--sentiment <label>', 'only moments tagged positive, neutral or negative')
    .option('--limit <n>', 'interviews per page, 1–100', '20')
    .option('--offset <n>', 'interviews to skip', '0')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print the result as JSON')
    .action(async (query: string, opts: SearchCliOptions & { workspace: string }) => {
      await searchCommand(query, opts);
    });
  cli
    .command('tag')
    .description(
      'tag stored conversations again for the knowledge base (topics, competitors, sentiment, questions, action items, sections), e.g. after editing the topics; exit 2 without interviews or --all',
    )
    .argument('[interviews...]', 'interview ids')
    .option('--all', 'every interview of the workspace (practice interviews are never tagged)')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .option('--json', 'print the result as JSON')
    .action(async (ids: string[], opts: TagCliOptions & { workspace: string }) => {
      await tagCommand(ids, opts);
    });
  cli
    .command('export')
    .description(
      'export tagged segments (with their interviews) or search results as CSV (RFC 4180) or NDJSON; exit 2 for an option it cannot read',
    )
    .option('--format <format>', 'csv or ndjson', 'csv')
    .option('--what <what>', 'tags (tagged segments) or search (segments matching --query)', 'tags')
    .option('--query <query>', 'the search query, with --what search')
    .option('--kind <kinds>', 'only interviews of these kinds, comma-separated')
    .option('--from <date>', 'held on or after: YYYY-MM-DD or an ISO time')
    .option('--to <date>', 'held on or before: YYYY-MM-DD (the whole day) or an ISO time')
    .option(
      '--tag-kind <kinds>',
      'only these tag kinds, comma-separated: topic, competitor, product, sentiment…',
    )
    .option('--label <labels>', 'only these labels, comma-separated, any letter case')
    .option('--out <file>', 'write to this file (default: stdout)')
    .addOption(dataDirOption())
    .addOption(workspaceOption())
    .action(async (opts: ExportCliOptions & { workspace: string }) => {
      await exportCommand(opts);
    });
  registerAuditCommands(cli);
  registerAgentCommands(cli);

  return cli;
}

/**
 * Runs the CLI and returns the exit code; every error becomes one line on stderr.
 * @example process.exitCode = await main(process.argv)
 */
export async function main(argv: readonly string[]): Promise<number> {
  finishedWith = EXIT.ok;
  try {
    await program().parseAsync([...argv]);
    return finishedWith;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    const e = toCandorError(error);
    process.stderr.write(`candor: ${e.code}: ${e.message.split('\n')[0] ?? ''}\n`);
    if (process.env.CANDOR_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return INPUT_ERROR_CODES.has(e.code) ? EXIT.input : EXIT.internal;
  } finally {
    await shutdown();
  }
}

/** `--speakers auto|1|N`: `auto`, or a whole number of speakers from 1 to 20. */
function parseSpeakers(value: string): SpeakerCount {
  const speakers = parseSpeakerCount(value);
  if (speakers === null) {
    throw new CandorError('VALIDATION_FAILED', `--speakers: expected ${SPEAKER_COUNT_RULE}, got "${value}"`, {
      field: 'speakers',
    });
  }
  return speakers;
}
