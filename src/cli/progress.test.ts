import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

const captured = () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
};

describe('createProgress without a terminal', () => {
  it('says "1 file" for one and "files" for more, with the share done', () => {
    const out = captured();
    const progress = createProgress('importing', 'files', out.stream);
    progress.update(1, 1);
    const two = captured();
    const more = createProgress('importing', 'files', two.stream);
    more.update(2, 2);
    expect(out.text()).toBe('importing: 100% (1 file of 1 file)\n');
    expect(two.text()).toBe('importing: 100% (2 files of 2 files)\n');
  });

  it('prints a line at the start and per tenth done, not per item', () => {
    const out = captured();
    const progress = createProgress('storing', 'ratings', out.stream);
    for (let done = 1; done <= 100; done++) progress.update(done, 100);
    expect(out.text().trim().split('\n')).toHaveLength(11);
  });
});
