import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './import-upload.js';

describe('safeRelativePath: where an uploaded file name may be written', () => {
  it('keeps a folder path as the browser sends it', () => {
    expect(safeRelativePath('calls/2026/acme.vtt')).toBe('calls/2026/acme.vtt');
    expect(safeRelativePath('calls\\windows\\acme.vtt')).toBe('calls/windows/acme.vtt');
  });

  it('never leaves the import folder: parent steps, roots, drives and control characters go', () => {
    expect(safeRelativePath('../../etc/passwd')).toBe('etc/passwd');
    expect(safeRelativePath('/etc/passwd')).toBe('etc/passwd');
    expect(safeRelativePath('C:\\Users\\x\\call.srt')).toBe('Users/x/call.srt');
    expect(safeRelativePath('calls/./a\u0000b.txt')).toBe('calls/ab.txt');
  });

  it('is null when nothing usable is left', () => {
    expect(safeRelativePath('../..')).toBeNull();
    expect(safeRelativePath(undefined)).toBeNull();
  });
});
