import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SIGNAL_CATALOGUE, type SignalAnalyzer, type VoiceTrack } from '../analysis/index.js';
import { selectEngine } from '../analysis/speech/stt/index.js';
import { loadFramework, loadQuestionSet, readJobFile, type AnalysisResult } from '../assessment/index.js';
import { CandorError } from '../core/index.js';
import type { Question, Transcript } from '../domain/index.js';
import { readTranscriptFile } from '../ingest/index.js';
import { isMediaFile } from '../ingest/media/index.js';
import type { Answer } from './answers.js';
import { defaultAnalyzer } from './default-analyzer.js';
import { checkTranscriptSize, inputLimitsFromEnv, type InputLimits } from './input-limits.js';
import { readRecording as readRecordingFile, type Recogniser, type Recording } from './recording.js';
import { scoreInput } from './score-input.js';
import type { ModelFile } from '../model/model-file.js';

export interface AnalyzeFileOptions {
  /** A job description file (YAML or JSON). */
  readonly job?: string;
  /** A framework id (`default`) or file. */
  readonly framework: string;
  /** A question set id (`default`) or file. */
  readonly questions: string;
  /** For a single answer: the id of the question it answers. */
  readonly question?: string;
  /** The candidate's speaker label in a live interview. */
  readonly candidate?: string;
  /** For a recording: a transcript of it to use instead of speech recognition. */
  readonly transcript?: string;
  /** Let voice signals count towards scores (a workspace's opt-in). */
  readonly scoreVoice?: boolean;
  /**
   * For a single recording without a transcript: how many speakers to tell apart (`auto`, the
   * default, counts them; 1 keeps one anonymous voice). A folder's files are one answer each.
   */
  readonly speakers?: 'auto' | number;
  /** Default: the process's analyser (`defaultAnalyzer`). */
  readonly analyzer?: SignalAnalyzer;
  /** Default: the engine chosen by configuration (`selectEngine`). */
  readonly recogniser?: () => Promise<Recogniser>;
  /** Reads one recording; default `readRecording` of this folder (the CLI adds a progress line). */
  readonly readRecording?: (
    file: string,
    options: {
      imported: Transcript | null;
      recogniser: () => Promise<Recogniser>;
      speakers?: 'auto' | number;
    },
  ) => Promise<Recording>;
  /** Default: the settings in the environment (`inputLimitsFromEnv`). */
  readonly limits?: InputLimits;
  /** A trained model whose prediction the scorecard records beside the framework's scores. */
  readonly model?: ModelFile | null;
}

const TRANSCRIPT_EXTENSIONS = /\.(vtt|srt|json|txt|md)$/i;
/** Names that promise a recording; such a file that is not one gets MEDIA_UNREADABLE, not a transcript error. */
const MEDIA_EXTENSIONS = /\.(wav|flac|mp3|m4a|aac|ogg|oga|opus|webm|mp4|m4v|mov|mkv|mpg|mpeg)$/i;

interface FileAnswer {
  readonly file: string;
  readonly transcript: Transcript;
  readonly voice: VoiceTrack | null;
  readonly sha256: string;
}

/**
 * Analyses a transcript, a recording (audio or video: decoded, recognised unless `transcript` is
 * given, and measured for voice signals), or a folder with one answer per file (an async
 * interview; each file named after its question id where it has one). `candor analyze` runs this;
 * stored interviews take `analyzeInterview`; both score through `scoreInput`.
 *
 * @throws CandorError FILE_UNREADABLE, FILE_TOO_LARGE (over CANDOR_TRANSCRIPT_LIMIT_KB),
 *   TRANSCRIPT_INVALID, MEDIA_UNREADABLE, NOT_FOUND (an unknown question id)
 * @example await analyzeFile('examples/interviews/priya-strong.vtt', { framework: 'default', questions: 'default' })
 */
export async function analyzeFile(file: string, options: AnalyzeFileOptions): Promise<AnalysisResult> {
  const framework = loadFramework(options.framework, new Set(SIGNAL_CATALOGUE.map((d) => d.id)));
  const questionSet = loadQuestionSet(options.questions);
  const job = options.job ? readJobFile(options.job) : null;
  const limits = options.limits ?? inputLimitsFromEnv();
  const reader = {
    limits,
    recogniser: options.recogniser ?? (() => selectEngine()),
    readRecording: options.readRecording ?? ((f, o) => readRecordingFile(f, o)),
  };
  const imported = options.transcript ? await readTranscript(options.transcript, limits) : null;
  const basis = { framework, job, questions: questionSet.questions, scoreVoice: options.scoreVoice ?? false };
  const analyzer = options.analyzer ?? defaultAnalyzer();

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
    for (const name of names) {
      const read = await readAnswer(path.join(file, name), null, reader, 1);
      const id = path.basename(name, path.extname(name));
      const question = questionSet.questions.find((q) => q.id === id) ?? null;
      answers.push({ ...read, name, question });
    }
    return scoreInput(
      { kind: 'answers', answers, sourceFile: path.basename(file) },
      basis,
      analyzer,
      options.model ?? null,
    );
  }

  const answer = await readAnswer(file, imported, reader, options.speakers ?? 'auto');
  let question: Question | null = null;
  if (options.question) {
    question = questionSet.questions.find((q) => q.id === options.question) ?? null;
    if (!question) {
      const ids = questionSet.questions.map((q) => q.id).join(', ');
      throw new CandorError(
        'NOT_FOUND',
        `no question "${options.question}" in question set ${questionSet.id} (ids: ${ids})`,
        { question: options.question },
      );
    }
  }
  return scoreInput(
    {
      kind: 'transcript',
      transcript: answer.transcript,
      source: { file: path.basename(file), sha256: answer.sha256 },
      question,
      voice: answer.voice,
      ...(options.candidate ? { candidateSpeaker: options.candidate } : {}),
    },
    basis,
    analyzer,
    options.model ?? null,
  );
}

interface Reader {
  readonly limits: InputLimits;
  readonly recogniser: () => Promise<Recogniser>;
  readonly readRecording: NonNullable<AnalyzeFileOptions['readRecording']>;
}

async function readAnswer(
  file: string,
  imported: Transcript | null,
  reader: Reader,
  speakers: 'auto' | number,
): Promise<FileAnswer> {
  if (MEDIA_EXTENSIONS.test(file) || (await isMediaFile(file))) {
    const recording = await reader.readRecording(file, {
      imported,
      recogniser: reader.recogniser,
      ...(speakers === 1 ? {} : { speakers }),
    });
    return { file, transcript: recording.transcript, voice: recording.voice, sha256: recording.sha256 };
  }
  const transcript = await readTranscript(file, reader.limits);
  return {
    file,
    transcript,
    voice: null,
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
  };
}

function readTranscript(file: string, limits: InputLimits): Promise<Transcript> {
  let size: number | null = null;
  try {
    size = statSync(file).size;
  } catch {
    // readTranscriptFile says why the file cannot be read.
  }
  if (size !== null) checkTranscriptSize(file, size, limits);
  return readTranscriptFile(file, { maxBytes: limits.transcriptBytes });
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    throw new CandorError('FILE_UNREADABLE', `${file}: no such file or folder`, { file });
  }
}
