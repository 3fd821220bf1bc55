import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  analyzeResponses,
  analyzeTranscript,
  loadQuestionSet,
  readJobFile,
  type AnalysisResult,
} from '../../assessment/index.js';
import { CandorError, engineVersion, loadConfig } from '../../core/index.js';
import type { Question, Transcript } from '../../domain/index.js';
import { readTranscriptFile, responsesFromAnswers } from '../../ingest/index.js';
import { frameworkFor, signalAnalyzer } from '../context.js';

export interface AnalyzeOptions {
  readonly job?: string;
  readonly framework: string;
  readonly questions: string;
  readonly question?: string;
  readonly candidate?: string;
  /** Let voice signals count towards scores (a workspace's opt-in). */
  readonly scoreVoice?: boolean;
}

const TRANSCRIPT_EXTENSIONS = /\.(vtt|srt|json|txt|md)$/i;

/**
 * Analyses one transcript file, or a folder of answer files (an async interview: one file per
 * answer, each named after its question id where it has one).
 * @example await analyzeFile('examples/interviews/priya-strong.vtt', { framework: 'default', questions: 'default' })
 */
export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const config = loadConfig();
  const framework = frameworkFor(options.framework);
  const questionSet = loadQuestionSet(options.questions);
  const job = options.job ? readJobFile(options.job) : null;
  const version = engineVersion();

  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new CandorError('FILE_UNREADABLE', `${file}: no such file or folder`, { file });
  }

  if (stat.isDirectory()) {
    const files = readdirSync(file)
      .filter((f) => TRANSCRIPT_EXTENSIONS.test(f))
      .sort();
    if (files.length === 0)
      throw new CandorError(
        'FILE_UNREADABLE',
        `${file}: folder holds no transcript files (.vtt, .srt, .json, .txt)`,
        { file },
      );
    const answers: { transcript: Transcript; question: Question | null }[] = [];
    const hash = createHash('sha256');
    for (const name of files) {
      const full = path.join(file, name);
      hash.update(name).update(readFileSync(full));
      const id = path.basename(name, path.extname(name));
      answers.push({
        transcript: await readTranscriptFile(full, { maxBytes: config.maxTranscriptBytes }),
        question: questionSet.questions.find((q) => q.id === id) ?? null,
      });
    }
    const responses = responsesFromAnswers(answers);
    return analyzeResponses(
      responses,
      {
        source: { file: path.basename(file), sha256: hash.digest('hex') },
        framework,
        job,
        questions: questionSet.questions,
      },
      signalAnalyzer(),
      version,
      'async',
    );
  }

  const transcript = await readTranscriptFile(file, { maxBytes: config.maxTranscriptBytes });
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  let question: Question | null = null;
  if (options.question) {
    question = questionSet.questions.find((q) => q.id === options.question) ?? null;
    if (!question) {
      throw new CandorError(
        'NOT_FOUND',
        `no question "${options.question}" in question set ${questionSet.id} (ids: ${questionSet.questions.map((q) => q.id).join(', ')})`,
        { question: options.question },
      );
    }
  }
  return analyzeTranscript(
    {
      transcript,
      source: { file: path.basename(file), sha256 },
      framework,
      job,
      questions: questionSet.questions,
      question,
      ...(options.candidate ? { candidateSpeaker: options.candidate } : {}),
      scoreVoice: options.scoreVoice ?? false,
    },
    signalAnalyzer(),
    version,
  );
}
