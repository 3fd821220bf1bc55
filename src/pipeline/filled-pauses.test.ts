import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { closeSharedDecoder, PocketsphinxEngine } from '../analysis/speech/stt/index.js';
import { need, requires } from '../test-helpers.js';
import { analyzeFile } from './analyze-file.js';

afterAll(() => closeSharedDecoder());

const SOURCE1 = path.resolve(
  import.meta.dirname,
  '../../../shared/data/speech/meeting-ami/sources/source1.wav',
);

/** Every object in a JSON value that has a string `label`. */
function labelled(value: unknown, out: { label: string; start?: number | null }[] = []) {
  if (Array.isArray(value)) for (const v of value) labelled(v, out);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.label === 'string') out.push(record as { label: string; start?: number | null });
    for (const v of Object.values(record)) labelled(v, out);
  }
  return out;
}

requires(
  need.pocketsphinx(),
  need.tool('ffmpeg'),
  need.sharedData('speech/meeting-ami/sources/source1.wav'),
).it(
  'a filled pause heard in a recording is a filler word with its time, in the transcript and the scorecard evidence',
  async () => {
    // AMI ES2004a, speaker B: "Yeah. Um. When they're …"; pocketsphinx writes no "um".
    const result = await analyzeFile(SOURCE1, {
      framework: 'default',
      questions: 'default',
      recogniser: () => Promise.resolve(new PocketsphinxEngine()),
    });
    const heard = result.transcript.flatMap((s) => s.words ?? []).filter((w) => w.origin === 'filled pause');
    expect(heard.map((w) => w.text)).toContain('uh');
    const um = heard.find((w) => w.start < 6.1 && w.end > 5.4);
    expect(um, JSON.stringify(heard)).toBeDefined();
    const evidence = labelled(result.scorecard).filter((e) => /filled pause heard at/.test(e.label));
    expect(evidence.some((e) => e.start === um!.start)).toBe(true);
    expect(evidence.map((e) => e.label)).toContain(`uh (filled pause heard at ${um!.start.toFixed(1)} s)`);
  },
  180_000,
);
