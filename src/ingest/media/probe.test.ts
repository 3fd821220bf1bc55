import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { probeMedia } from './probe.js';
import { ffmpeg, ffmpegMake, JFK, speechData, tempFolder } from './test-helpers.js';
import { requires } from '../../test-helpers.js';

requires(ffmpeg).describe('probeMedia', () => {
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());

  requires(...speechData).it('reads jfk.flac: 11 s, flac, 44.1 kHz stereo, no video', async () => {
    expect(await probeMedia(JFK)).toEqual({
      durationSeconds: 11,
      hasAudio: true,
      hasVideo: false,
      format: 'flac',
      codec: 'flac',
      sampleRate: 44100,
      channels: 2,
    });
  });

  it('does not count an mp3’s cover art as video', async () => {
    const cover = ffmpegMake(
      ['-f', 'lavfi', '-i', 'color=c=red:s=32x32:d=0.04'],
      ['-frames:v', '1'],
      path.join(tmp.dir, 'cover.png'),
    );
    const file = ffmpegMake(
      ['-f', 'lavfi', '-i', 'sine=duration=1', '-i', cover],
      ['-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-c:v', 'png', '-disposition:v', 'attached_pic'],
      path.join(tmp.dir, 'song.mp3'),
    );
    expect(await probeMedia(file)).toMatchObject({ hasAudio: true, hasVideo: false, codec: 'mp3' });
  });

  it('reads a video-only file as hasAudio false', async () => {
    const file = ffmpegMake(
      ['-f', 'lavfi', '-i', 'testsrc=duration=1'],
      ['-an'],
      path.join(tmp.dir, 'v.mp4'),
    );
    expect(await probeMedia(file)).toMatchObject({ hasAudio: false, hasVideo: true, codec: null });
  });

  it('names a file that is not media with ffprobe’s reason', async () => {
    const file = path.join(tmp.dir, 'cv.m4a');
    writeFileSync(file, '%PDF-1.4 not a recording');
    await expect(probeMedia(file)).rejects.toMatchObject({
      code: 'MEDIA_UNREADABLE',
      message: expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S`)),
    });
  });

  it('takes a name that looks like an ffmpeg protocol as a plain file name', async () => {
    const file = ffmpegMake(['-f', 'lavfi', '-i', 'sine=duration=0.5'], [], path.join(tmp.dir, 'pipe:1.wav'));
    expect(await probeMedia(file)).toMatchObject({ hasAudio: true, format: 'wav' });
  });
});
