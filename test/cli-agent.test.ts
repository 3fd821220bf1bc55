import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `candor agent classify` end to end through the built bin, as a user runs it (`npm run build` first).
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');

function candor(args: string[]) {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repliesFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'candor-agent-')), 'replies.txt');
  writeFileSync(file, text);
  return file;
}

describe('candor agent classify', () => {
  it('prints one reply’s intent, confidence and reason', () => {
    const r = candor(['agent', 'classify', 'Tuesday at 3 works']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^slot_choice \(0\.\d\d\)\s+“Tuesday at 3 works”/);
    expect(r.stdout).toContain('rule:');
  });

  it('prints JSON with intent, confidence, frustrated, frustration and reasons', () => {
    const r = candor([
      'agent',
      'classify',
      'This is the third time I ask and nobody answers. Ridiculous.',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ frustrated: true, reply: expect.any(String) });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['intent', 'confidence', 'frustrated', 'frustration', 'reasons']),
    );
  });

  it('classifies a file, one reply per line, in the same order', () => {
    const file = repliesFile('2\nSTOP\nAny update on my application?\nThanks!\n');
    const r = candor(['agent', 'classify', '--file', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ line: number; intent: string }>;
    expect(results.map((x) => [x.line, x.intent])).toEqual([
      [1, 'slot_choice'],
      [2, 'opt_out'],
      [3, 'status_question'],
      [4, 'thanks'],
    ]);
  });

  it('reports an empty line in place, classifies the rest, and exits 2 naming the line', () => {
    const file = repliesFile('Yes, confirmed\n\nunsubscribe\n');
    const r = candor(['agent', 'classify', '--file', file, '--json']);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as Array<{ intent?: string; error?: { message: string } }>;
    expect(results).toHaveLength(3);
    expect(results[0]!.intent).toBe('confirmation');
    expect(results[1]!.error?.message).toContain('line 2: empty reply');
    expect(results[2]!.intent).toBe('opt_out');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/VALIDATION_FAILED: .*replies\.txt line 2: empty reply/);
  });

  it.each([
    [['agent', 'classify', '--file', 'no/such/replies.txt'], /FILE_UNREADABLE: no\/such\/replies\.txt/],
    [['agent', 'classify', '   '], /VALIDATION_FAILED: the reply is empty/],
    [['agent', 'classify'], /VALIDATION_FAILED: give one reply/],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const r = candor(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  });
});
