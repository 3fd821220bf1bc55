import { afterAll, expect, it } from 'vitest';
import { closeSharedDecoder } from './pocketsphinx-decoder.js';
import { PocketsphinxEngine } from './pocketsphinx-engine.js';
import { expectWellFormed, speechToTextSuite } from './speech-to-text.suite.js';
import { JFK, jfkReference, librivoxClips, pcmOf, speechData, streamOf } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { wordErrorRate } from './wer.js';

afterAll(() => closeSharedDecoder());

// Recognition runs for tens of seconds on a loaded 2-core machine: 3 minutes per test.
requires(need.pocketsphinx(), need.tool('ffmpeg'), ...speechData).describe(
  'PocketsphinxEngine',
  () => {
    speechToTextSuite('pocketsphinx', { engine: () => new PocketsphinxEngine(), speech: () => pcmOf(JFK) });

    // Measured with bench/speech-to-text.mjs: jfk 45%, librivox clips 0–36%, 30% pooled (the
    // pocketsphinx_continuous program: 39%). Ceilings leave room for noise, not for a regression.
    it('recognises jfk.flac and the LibriVox clips: WER under 40% pooled, each clip under 60%', async () => {
      const engine = new PocketsphinxEngine();
      const clips = [{ file: JFK, text: jfkReference() }, ...librivoxClips()];
      let errors = 0;
      let words = 0;
      for (const clip of clips) {
        const audio = pcmOf(clip.file);
        const transcript = await engine.transcribe(streamOf(audio));
        expectWellFormed(transcript, audio.length / 16_000);
        const hypothesis = transcript.segments.map((s) => s.text).join(' ');
        const wer = wordErrorRate(clip.text, hypothesis);
        expect(wer.rate, `${clip.file}: "${hypothesis}"`).toBeLessThan(0.6);
        errors += wer.errors;
        words += wer.referenceWords;
      }
      expect(errors / words).toBeLessThan(0.4);
    });

    it('splits jfk into phrases at its pauses and times words to the recording', async () => {
      const transcript = await new PocketsphinxEngine().transcribe(streamOf(pcmOf(JFK)));
      expect(transcript.segments.length).toBeGreaterThanOrEqual(3);
      const words = transcript.segments.flatMap((s) => s.words ?? []);
      // "country", the last word, ends near 10.5 s of the 11 s clip (pocketsphinx_continuous and
      // whisper agree); with the decoder's own silence removal it would come out near 9.2 s.
      expect(words.at(-1)?.text).toBe('country');
      expect(words.at(-1)!.end).toBeGreaterThan(10.2);
      expect(words.at(-1)!.end).toBeLessThan(10.9);
      expect(words.every((w) => !/[<>[\]()]/.test(w.text))).toBe(true);
    });

    // How responsive the main thread stays (event-loop delay beside an idle wait) is measured by
    // bench/responsiveness.mjs; here: timers keep firing while an utterance is being recognised.
    it('keeps the main thread running while recognising (work runs on a worker thread)', async () => {
      const engine = new PocketsphinxEngine();
      await engine.check(); // load the model first: this is about recognition
      const clip = pcmOf(librivoxClips()[0]!.file);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      // One chunk: the utterances are queued together, so only a free main thread runs the timer.
      const transcript = await engine.transcribe(streamOf(clip, clip.length));
      clearInterval(timer);
      expect(transcript.segments.length).toBeGreaterThan(0);
      expect(ticks).toBeGreaterThan(0);
    });

    it('returns no segments for silence, and handles a 0.2 s clip', async () => {
      const engine = new PocketsphinxEngine();
      expect((await engine.transcribe(streamOf(new Float32Array(3 * 16_000)))).segments).toEqual([]);
      const short = pcmOf(JFK).slice(16_000 * 8.2, 16_000 * 8.4);
      const transcript = await engine.transcribe(streamOf(short));
      expectWellFormed(transcript, 0.2);
    });

    it('check() explains a missing model', async () => {
      const engine = new PocketsphinxEngine({
        model: { hmm: '/nonexistent/en-us', lm: '/nonexistent/en-us.lm.bin', dict: '/nonexistent/x.dict' },
      });
      const check = await engine.check();
      expect(check.usable).toBe(false);
      expect(check.reason).toMatch(
        /model not found .*\/nonexistent\/en-us\/mdef.*apt-get install pocketsphinx-en-us/,
      );
    });

    it('a second engine with other settings replaces the decoder, and both give results', async () => {
      const tuned = new PocketsphinxEngine({ decoderFlags: ['-fwdflat', 'yes'] });
      const audio = pcmOf(librivoxClips()[1]!.file);
      const a = await tuned.transcribe(streamOf(audio));
      const b = await new PocketsphinxEngine().transcribe(streamOf(audio));
      expect(a.segments.length).toBeGreaterThan(0);
      expect(b.segments.length).toBeGreaterThan(0);
    });
  },
  180_000,
);
