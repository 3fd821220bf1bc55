import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VoiceTrack } from '../../analysis/index.js';
import {
  analyzeTranscript,
  loadQuestionSet,
  readJobFile,
  type AnalysisResult,
} from '../../assessment/index.js';
import { CandorError, engineVersion, loadConfig } from '../../core/index.js';
import type { Question, Transcript } from '../../domain/index.js';
import { readTranscriptFile } from '../../ingest/index.js';
import { isMediaFile } from '../../ingest/media/index.js';
import { analyzeAnswers } from '../../pipeline/index.js';
import { frameworkFor, recogniser, signalAnalyzer } from '../context.js';
import { readRecording } from './recording.js';

export interface AnalyzeOptions {
  readonly job?: string;
  readonly framework: string;
  readonly questions: string;
  readonly question?: string;
  readonly candidate?: string;
  /** For a recording: a transcript of it to use instead of speech recognition. */
  readonly transcript?: string;
  /** Let voice signals count towards scores (a workspace's opt-in). */
  readonly scoreVoice?: boolean;
}

const TRANSCRIPT_EXTENSIONS = /\.(vtt|srt|json|txt|md)$/i;
/** Names that promise a recording; such a file that is not one gets MEDIA_UNREADABLE, not a transcript error. */
const MEDIA_EXTENSIONS = /\.(wav|flac|mp3|m4a|aac|ogg|oga|opus|webm|mp4|m4v|mov|mkv|mpg|mpeg)$/i;

interface Answer {
  readonly file: string;
  readonly transcript: Transcript;
  readonly voice: VoiceTrack | null;
  readonly sha256: string;
}

/**
 * Analyses a transcript, a recording (audio or video: decoded, recognised unless `--transcript`
 * is given, and measured for voice signals), or a folder with one answer per file (an async
 * interview; each file named after its question id where it has one).
 * @example await analyzeFile('examples/interviews/priya-strong.vtt', { framework: 'default', questions: 'default' })
 */
export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const framework = frameworkFor(options.framework);
  const questionSet = loadQuestionSet(options.questions);
  const job = options.job ? readJobFile(options.job) : null;
  const imported = options.transcript ? await readTranscript(options.transcript) : null;
  const base = { framework, job, questions: questionSet.questions, scoreVoice: options.scoreVoice ?? false };

  if (isDirectory(file)) {
    const names = readdirSync(file)
      .filter((f) => TRANSCRIPT_EXTENSIONS.test(f) || MEDIA_EXTENSIONS.test(f))
      .sort();
    if (names.length === 0) {
      throw new CandorError('FILE_UNREADABLE', `${file}: folder holds no transcript or recording files`, {
        file,
      });
    }
    const answers: Answer[] = [];
    for (const name of names) answers.push(await readAnswer(path.join(file, name), null));
    const questionOf = (a: Answer): Question | null =>
      questionSet.questions.find((q) => q.id === path.basename(a.file, path.extname(a.file))) ?? null;
    return analyzeAnswers(
      answers.map((a) => ({ ...a, name: path.basename(a.file), question: questionOf(a) })),
      base,
      path.basename(file),
      signalAnalyzer(),
      engineVersion(),
    );
  }

  const answer = await readAnswer(file, imported);
  let question: Question | null = null;
  if (options.question) {
    question = questionSet.questions.find((q) => q.id === options.question) ?? null;
    if (!question) {
      const ids = questionSet.questions.map((q) => q.id).join(', ');
      throw new CandorError(
        'NOT_FOUND',
        `no question "${options.question}" in question set ${questionSet.id} (ids: ${ids})`,
        {
          question: options.question,
        },
      );
    }
  }
  return analyzeTranscript(
    {
      ...base,
      transcript: answer.transcript,
      source: { file: path.basename(file), sha256: answer.sha256 },
      question,
      voice: answer.voice,
      ...(options.candidate ? { candidateSpeaker: options.candidate } : {}),
    },
    signalAnalyzer(),
    engineVersion(),
  );
}

async function readAnswer(file: string, imported: Transcript | null): Promise<Answer> {
  if (MEDIA_EXTENSIONS.test(file) || (await isMediaFile(file))) {
    const recording = await readRecording(file, { imported, recogniser });
    return { file, transcript: recording.transcript, voice: recording.voice, sha256: recording.sha256 };
  }
  const transcript = await readTranscript(file);
  return {
    file,
    transcript,
    voice: null,
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
  };
}

function readTranscript(file: string): Promise<Transcript> {
  return readTranscriptFile(file, { maxBytes: loadConfig().maxTranscriptBytes });
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    throw new CandorError('FILE_UNREADABLE', `${file}: no such file or folder`, { file });
  }
}
