import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import type { Segment, Transcript, Word } from '../../../domain/index.js';
import { audioParts } from './audio-parts.js';
import { encodeWav } from './pcm.js';
import { roundSeconds, segmentsFromWords } from './recognised-words.js';
import {
  STT_SAMPLE_RATE,
  STT_TRANSCRIPT_FORMAT,
  type EngineCheck,
  type SpeechToText,
  type TranscribeOptions,
} from './speech-to-text.js';

export interface OpenAiEngineOptions {
  /** Server root, e.g. "https://api.openai.com" or "http://localhost:8000"; default CANDOR_ASR_URL. */
  readonly url?: string;
  /** Bearer token; default CANDOR_ASR_KEY (optional: local servers often need none). */
  readonly apiKey?: string;
  /** Model name; default CANDOR_ASR_MODEL, else "whisper-1". */
  readonly model?: string;
  /** ISO-639-1 language of the audio; default "en". */
  readonly language?: string;
  /** Longest upload, in seconds; default 600 (19 MB of 16 kHz WAV, under OpenAI's 25 MB limit). */
  readonly maxPartSeconds?: number;
}

/*
 * The request and response, as OpenAI documents "Create transcription"
 * (https://platform.openai.com/docs/api-reference/audio/createTranscription; the same shape in the
 * openai-node SDK's TranscriptionCreateParams and TranscriptionVerbose types):
 *   POST {url}/v1/audio/transcriptions, multipart/form-data: file (the audio, ≤ 25 MB), model,
 *   language (ISO-639-1), response_format=verbose_json, timestamp_granularities[]=word and =segment
 *   ("response_format must be set verbose_json to use timestamp granularities").
 *   200 application/json: { task, language, duration, text,
 *     words?: [{ word, start, end }] (faster-whisper-server/speaches add `probability`, 0–1), segments?: [{ id, seek, start, end, text, tokens, temperature,
 *     avg_logprob, compression_ratio, no_speech_prob }] }, times in seconds.
 * Servers that follow it: OpenAI, faster-whisper-server/speaches, LocalAI, whisper.cpp's server (at
 * /inference, not this path), vLLM.
 */
const VerboseJson = z.object({
  text: z.string(),
  duration: z.coerce.number().optional(),
  words: z
    .array(
      z.object({
        word: z.string(),
        start: z.number(),
        end: z.number(),
        probability: z.number().min(0).max(1).optional(),
      }),
    )
    .optional()
    .nullable(),
  segments: z
    .array(z.object({ start: z.number(), end: z.number(), text: z.string() }))
    .optional()
    .nullable(),
});
type VerboseJson = z.infer<typeof VerboseJson>;

const setting = (value: string | undefined): string | undefined =>
  value && value.trim() ? value.trim() : undefined;

/**
 * Speech-to-text through an OpenAI-compatible transcription endpoint (`CANDOR_ASR_URL`, optional
 * `CANDOR_ASR_KEY`, `CANDOR_ASR_MODEL`). The audio leaves this machine: use it only where that is
 * allowed. Long recordings go up in parts of `maxPartSeconds`, cut at quiet moments.
 *
 * @example
 * const engine = new OpenAiEngine({ url: 'http://localhost:8000' })
 * const transcript = await engine.transcribe(decodeAudio('answer.webm'))
 */
export class OpenAiEngine implements SpeechToText {
  readonly name = 'openai';
  private readonly url: string | undefined;
  private readonly apiKey: string | undefined;
  private readonly model: string;
  private readonly language: string;
  private readonly maxPartSeconds: number;

  constructor(options: OpenAiEngineOptions = {}) {
    this.url = setting(options.url ?? process.env.CANDOR_ASR_URL);
    this.apiKey = setting(options.apiKey ?? process.env.CANDOR_ASR_KEY);
    this.model = setting(options.model ?? process.env.CANDOR_ASR_MODEL) ?? 'whisper-1';
    this.language = options.language ?? 'en';
    this.maxPartSeconds = options.maxPartSeconds ?? 600;
  }

  /** Configured and well-formed; it does not call the server (no network in a check). */
  check(): Promise<EngineCheck> {
    if (!this.url) return Promise.resolve({ usable: false, reason: 'CANDOR_ASR_URL is not set' });
    const endpoint = this.endpoint();
    if (!endpoint)
      return Promise.resolve({ usable: false, reason: `CANDOR_ASR_URL is not an http(s) URL: ${this.url}` });
    return Promise.resolve({
      usable: true,
      reason: `${endpoint} (model ${this.model}${this.apiKey ? ', with key' : ''})`,
    });
  }

  async transcribe(audio: AsyncIterable<Float32Array>, options: TranscribeOptions = {}): Promise<Transcript> {
    const endpoint = this.endpoint();
    if (!endpoint) {
      throw new CandorError(
        'CONFIG_INVALID',
        `CANDOR_ASR_URL: must be an http(s) URL, got "${this.url ?? ''}"`,
        {
          setting: 'CANDOR_ASR_URL',
        },
      );
    }
    const segments: Segment[] = [];
    for await (const part of audioParts(audio, this.maxPartSeconds)) {
      options.signal?.throwIfAborted();
      const wav = await encodeWav([part.samples]);
      const body = await this.post(endpoint, wav, options.signal);
      segments.push(...toSegments(body, part.startSeconds));
      options.onProgress?.(part.startSeconds + part.samples.length / STT_SAMPLE_RATE);
    }
    return { format: STT_TRANSCRIPT_FORMAT, segments };
  }

  private endpoint(): string | null {
    try {
      const base = new URL(this.url ?? '');
      if (base.protocol !== 'http:' && base.protocol !== 'https:') return null;
      // Accept the server root, a base ending in /v1, or the full endpoint.
      const root = base.href.replace(/\/+$/, '').replace(/\/v1(\/audio\/transcriptions)?$/, '');
      return `${root}/v1/audio/transcriptions`;
    } catch {
      return null;
    }
  }

  private async post(endpoint: string, wav: Buffer, signal: AbortSignal | undefined): Promise<VerboseJson> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'audio.wav');
    form.append('model', this.model);
    form.append('language', this.language);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        body: form,
        headers: this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {},
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const reason =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new CandorError('CONFIG_INVALID', `CANDOR_ASR_URL: cannot reach ${endpoint}: ${reason}`, {
        setting: 'CANDOR_ASR_URL',
      });
    }
    const text = await response.text();
    if (!response.ok) throw httpError(response.status, endpoint, text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CandorError(
        'INTERNAL',
        `${endpoint} answered with something that is not JSON: ${text.slice(0, 120)}`,
        {
          engine: 'openai',
        },
      );
    }
    const result = VerboseJson.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new CandorError(
        'INTERNAL',
        `${endpoint} answered without the verbose_json shape: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
        { engine: 'openai', field: issue?.path.join('.') },
      );
    }
    return result.data;
  }
}

function httpError(status: number, endpoint: string, body: string): CandorError {
  // OpenAI errors are { error: { message } }; other servers send text.
  let detail = body.slice(0, 200);
  try {
    const message = (JSON.parse(body) as { error?: { message?: string } }).error?.message;
    if (message) detail = message;
  } catch {
    /* not JSON: keep the text */
  }
  if (status === 401 || status === 403) {
    return new CandorError(
      'CONFIG_INVALID',
      `CANDOR_ASR_KEY: ${endpoint} refused it (HTTP ${status}): ${detail}`,
      {
        setting: 'CANDOR_ASR_KEY',
        status,
      },
    );
  }
  if (status === 404) {
    return new CandorError(
      'CONFIG_INVALID',
      `CANDOR_ASR_URL: no transcription endpoint at ${endpoint} (HTTP 404)`,
      {
        setting: 'CANDOR_ASR_URL',
        status,
      },
    );
  }
  return new CandorError('INTERNAL', `${endpoint}: HTTP ${status}: ${detail}`, { engine: 'openai', status });
}

/**
 * verbose_json to segments: each word goes to the segment holding its midpoint. A server that gave
 * segments but no words gets word times spread over its segment by character count (approximate,
 * but every word then has a time); one that gave words but no segments gets one segment per pause.
 */
export function toSegments(body: VerboseJson, offsetSeconds: number): Segment[] {
  const shift = (s: number) => roundSeconds(offsetSeconds + s);
  const words: Word[] = (body.words ?? [])
    .map((w) => ({
      text: w.word.trim(),
      start: shift(w.start),
      end: shift(Math.max(w.end, w.start)),
      // The server's own word probability, passed on as the word's confidence.
      ...(w.probability === undefined ? {} : { confidence: w.probability }),
    }))
    .filter((w) => w.text.length > 0);
  const segments = (body.segments ?? []).map((s) => ({
    start: shift(s.start),
    end: shift(Math.max(s.end, s.start)),
    text: s.text.trim(),
  }));

  if (segments.length === 0) return segmentsFromWords(words, { pauseSeconds: 0.7 });
  if (words.length === 0)
    return segments.filter((s) => s.text.length > 0).map((s) => ({ speaker: null, ...s, words: spread(s) }));

  const buckets: Word[][] = segments.map(() => []);
  let at = 0;
  for (const word of words) {
    const middle = (word.start + word.end) / 2;
    while (at < segments.length - 1 && middle >= segments[at]!.end) at++;
    buckets[at]!.push(word);
  }
  return segments
    .map((s, i) => ({ speaker: null, start: s.start, end: s.end, text: s.text, words: buckets[i]! }))
    .filter((s) => s.text.length > 0 || s.words.length > 0);
}

function spread(segment: { start: number; end: number; text: string }): Word[] {
  const tokens = segment.text.split(/\s+/).filter(Boolean);
  const total = tokens.reduce((n, t) => n + t.length, 0) || 1;
  const span = segment.end - segment.start;
  let cursor = segment.start;
  return tokens.map((text) => {
    const start = cursor;
    cursor += (span * text.length) / total;
    return { text, start: roundSeconds(start), end: roundSeconds(cursor) };
  });
}
