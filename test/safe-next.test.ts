import { describe, expect, it } from 'vitest';
import { safeNext } from '../web/src/safe-next.js';

describe('safeNext (the web app’s /login?next=…)', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNext('/jobs/job_1')).toBe('/jobs/job_1');
    expect(safeNext('/jobs/job_1?tab=ranking#top')).toBe('/jobs/job_1?tab=ranking#top');
    expect(safeNext('/practice/a%2Fb')).toBe('/practice/a%2Fb');
  });

  it.each([
    ['/\\evil.example/x'],
    ['\\\\evil.example'],
    ['//evil.example/x'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/%0a'.replace('%0a', '\u0000')],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['evil.example'],
    [''],
    [null],
    [undefined],
    ['/' + 'a'.repeat(3000)],
  ])('refuses %j', (next) => {
    expect(safeNext(next)).toBeNull();
  });

  it('never returns something that leaves the origin', () => {
    for (const next of ['/./\\evil', '/..//evil.example', '/%2F%2Fevil.example', '/a/../..//b']) {
      const safe = safeNext(next);
      if (safe !== null)
        expect(new URL(safe, 'https://candor.example').origin).toBe('https://candor.example');
    }
  });
});
