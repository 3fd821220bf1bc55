import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { CandorError } from '../../core/index.js';
import type { Segment, TopicDefinition } from '../../domain/index.js';
import { need, requires } from '../../test-helpers.js';
import { DEFAULT_TOPICS, closeTagThread, tagInThread, tagTranscript } from './index.js';

const topics: TopicDefinition[] = DEFAULT_TOPICS.map((t, i) => ({ id: `topic-${i}`, ...t }));
const names = [{ id: 'n1', kind: 'competitor' as const, name: 'Philips', aliases: [] }];
const meeting = (): Segment[] =>
  (
    JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL('../../../../shared/data/meetings-qmsum/Product/ES2002b.json', import.meta.url),
        ),
        'utf8',
      ),
    ) as { meeting_transcripts: { speaker: string; content: string }[] }
  ).meeting_transcripts.map((u, i) => ({
    speaker: u.speaker,
    start: i * 5,
    end: i * 5 + 4,
    text: u.content,
  }));

afterAll(closeTagThread);

// The thread runs the compiled tagger, with the word vectors `npm run build` writes.
requires(
  need.sharedData('meetings-qmsum/Product/ES2002b.json'),
  need.built('dist/knowledge/tagging/tag-thread-entry.js'),
  need.wordVectors(),
).describe('tagInThread', () => {
  it('tags a meeting exactly as tagTranscript does, while the calling thread goes on', async () => {
    const segments = meeting();
    const options = { topics, names, meetingDate: '2026-03-02T10:00:00.000Z' };
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const drafts = await tagInThread(segments, options);
    clearInterval(ticking);
    // The meeting takes the tagger tens of milliseconds or more; the caller's timers kept firing.
    expect(turns).toBeGreaterThan(0);
    expect(drafts.length).toBeGreaterThan(50);
    expect(drafts).toEqual(tagTranscript(segments, options));
  });

  it('fails with the error tagTranscript throws, naming the topic, and keeps working after it', async () => {
    const bad = [{ id: 't1', name: 'empty', synonyms: ['  '] }];
    const error = await tagInThread(meeting().slice(0, 3), { topics: bad, names: [] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CandorError);
    expect((error as CandorError).code).toBe('VALIDATION_FAILED');
    expect((error as CandorError).message).toMatch(/topics\[0\] "empty": the synonym 1 " {2}" has no words/);
    const again = await tagInThread([{ speaker: 'A', start: 0, end: 2, text: 'What does it cost?' }], {
      topics,
      names: [],
    });
    expect(again.some((d) => d.kind === 'topic' && d.label === 'pricing')).toBe(true);
  });

  it('starts a new thread when the last one was closed', async () => {
    await closeTagThread();
    const drafts = await tagInThread([{ speaker: 'A', start: 0, end: 2, text: 'The price went up.' }], {
      topics,
      names: [],
    });
    expect(drafts.some((d) => d.kind === 'topic' && d.label === 'pricing')).toBe(true);
  });
});
