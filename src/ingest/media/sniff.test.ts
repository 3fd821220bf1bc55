import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMediaFile, sniffFile, sniffMediaType } from './sniff.js';
import {
  ffmpeg,
  ffmpegMake,
  JFK,
  LIBRIVOX,
  speechData,
  tempFolder,
  VIDEO_GRID,
  videoData,
} from './test-helpers.js';
import { requires } from '../../test-helpers.js';

requires(ffmpeg).describe('sniffMediaType on files real encoders wrote', () => {
  const tmp = tempFolder();
  const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5'];
  const made: Record<string, string> = {};
  beforeAll(() => {
    const make = (name: string, args: string[]) =>
      (made[name] = ffmpegMake(tone, args, path.join(tmp.dir, name)));
    make('tone.wav', []);
    make('tone.flac', []);
    make('tagged.mp3', ['-c:a', 'libmp3lame']);
    make('bare.mp3', ['-c:a', 'libmp3lame', '-write_xing', '0', '-id3v2_version', '0']);
    make('tone.m4a', ['-c:a', 'aac']);
    make('tone.aac', ['-c:a', 'aac']);
    make('tone.opus', ['-c:a', 'libopus']);
    make('tone.ogg', ['-c:a', 'libvorbis']);
    make('tone.webm', ['-c:a', 'libopus']);
    make('tone.mkv', ['-c:a', 'flac']);
    made['clip.mp4'] = ffmpegMake(
      ['-f', 'lavfi', '-i', 'testsrc=duration=0.2', ...tone],
      ['-shortest'],
      path.join(tmp.dir, 'clip.mp4'),
    );
  });
  afterAll(() => tmp.cleanup());

  it.each([
    ['tone.wav', 'wav'],
    ['tone.flac', 'flac'],
    ['tagged.mp3', 'mp3'],
    ['bare.mp3', 'mp3'],
    ['tone.m4a', 'mp4'],
    ['tone.aac', 'mp4'],
    ['tone.opus', 'ogg'],
    ['tone.ogg', 'ogg'],
    ['tone.webm', 'webm'],
    ['tone.mkv', 'webm'],
    ['clip.mp4', 'mp4'],
  ])('%s → %s', async (name, type) => {
    expect(sniffMediaType(readFileSync(made[name]!))).toBe(type);
    expect(await isMediaFile(made[name]!)).toBe(true);
  });

  it('judges by content: a text file named .wav is not media, a wav named .txt is', async () => {
    const fake = path.join(tmp.dir, 'notes.wav');
    writeFileSync(fake, 'Interviewer: tell me about yourself\n');
    expect(await isMediaFile(fake)).toBe(false);
    const renamed = path.join(tmp.dir, 'audio.txt');
    writeFileSync(renamed, readFileSync(made['tone.wav']!));
    expect(await sniffFile(renamed)).toBe('wav');
  });
});

requires(...speechData, videoData).describe('sniffMediaType on the shared recordings', () => {
  it('recognises flac, wav and an MPEG-1 program stream', async () => {
    expect(await sniffFile(JFK)).toBe('flac');
    expect(await sniffFile(path.join(LIBRIVOX, 'sense_and_sensibility_01_austen_64kb-0880.wav'))).toBe('wav');
    expect(await sniffFile(path.join(VIDEO_GRID, 'bbaf2n.mpg'))).toBe('mpeg');
  });
});

describe('sniffMediaType on things that are not recordings', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['WebVTT', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhi')],
    ['JSON', Buffer.from('{"segments":[]}')],
    ['a RIFF that is not WAVE (AVI)', Buffer.from('RIFF\0\0\0\0AVI LIST')],
    ['a free-format / bad-bitrate MPEG sync', Uint8Array.from([0xff, 0xfb, 0xf0, 0x00])],
    ['PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('%s → null', (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });

  it('a missing file is not a media file', async () => {
    expect(await isMediaFile('/nonexistent/candor/interview.webm')).toBe(false);
  });
});
