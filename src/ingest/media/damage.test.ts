import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { damageWarning, wavDeclaredSeconds } from './damage.js';
import { tempFolder } from './test-helpers.js';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

/** A 16 kHz mono s16 WAV header declaring `seconds`, followed by `bytes` of samples. */
function wav(name: string, seconds: number, bytes: number): string {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + seconds * 32000, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24);
  header.writeUInt32LE(32000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(seconds * 32000, 40);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(bytes)]));
  return file;
}

describe('wavDeclaredSeconds', () => {
  it('reads the length a WAV header declares, whatever bytes follow', () => {
    expect(wavDeclaredSeconds(wav('cut.wav', 60, 32000))).toBe(60);
  });

  it('is null for a file that is not a WAV', () => {
    const file = path.join(dir, 'notes.wav');
    writeFileSync(file, 'not audio');
    expect(wavDeclaredSeconds(file)).toBeNull();
  });
});

describe('damageWarning', () => {
  it('names the seconds declared, decoded and missing', () => {
    expect(damageWarning({ declaredSeconds: 60, decodedSeconds: 29.8, errors: [] })).toBe(
      'the file ends early: the container says 60.0 s, 29.8 s could be decoded; the last 30.2 s are missing',
    );
  });

  it("adds ffmpeg's errors without their [demuxer @ address] prefix", () => {
    expect(
      damageWarning({
        declaredSeconds: 60,
        decodedSeconds: 30.65,
        errors: ['[matroska,webm @ 0x556cb8c4a8c0] File ended prematurely'],
      }),
    ).toMatch(/the last 29\.4 s are missing \(ffmpeg: File ended prematurely\)$/);
  });

  it('reports decode errors in a recording that is not short', () => {
    expect(damageWarning({ declaredSeconds: 11, decodedSeconds: 11, errors: ['Invalid data'] })).toMatch(
      /^the recording is damaged: ffmpeg reported errors while decoding 11\.0 s of it/,
    );
  });

  it('is null for a whole recording, within encoder padding', () => {
    expect(damageWarning({ declaredSeconds: 60.084, decodedSeconds: 60, errors: [] })).toBeNull();
    expect(damageWarning({ declaredSeconds: null, decodedSeconds: 3, errors: [] })).toBeNull();
  });
});
