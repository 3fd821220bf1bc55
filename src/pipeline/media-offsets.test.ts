import { describe, expect, it } from 'vitest';
import type { MediaRecord } from '../store/index.js';
import { currentMedia, mediaOffsets } from './media-offsets.js';

const media = (
  id: string,
  position: number,
  durationSeconds: number | null,
  createdAt: string,
): MediaRecord => ({
  id,
  workspaceId: 'ws',
  interviewId: 'intv',
  position,
  questionId: null,
  questionText: null,
  fileName: `${id}.webm`,
  storagePath: `ws/intv/${id}.webm`,
  contentType: 'audio/webm',
  bytes: 1,
  sha256: 'x',
  durationSeconds,
  createdAt,
});

const a = media('a', 0, 30, '2030-01-01T00:00:01.000Z');
const b = media('b', 1, 45.5, '2030-01-01T00:00:02.000Z');
const retake = media('c', 0, 20, '2030-01-01T00:00:03.000Z');
const c = media('d', 2, 10, '2030-01-01T00:00:04.000Z');

describe('currentMedia', () => {
  it('keeps the newest recording of each answer, in answer order', () => {
    expect(currentMedia([b, a, retake, c]).map((m) => m.id)).toEqual(['c', 'b', 'd']);
  });
});

describe('mediaOffsets', () => {
  it('puts every recording at 0 when the answers were scored from their own recordings', () => {
    expect([...mediaOffsets([a, b, c], { fromTranscript: false }).values()]).toEqual([0, 0, 0]);
  });

  it('runs recordings back to back under a transcript, the newest take of an answer counting', () => {
    const offsets = mediaOffsets([a, b, retake, c], { fromTranscript: true });
    expect(offsets.get('c')).toBe(0);
    expect(offsets.get('b')).toBe(20);
    expect(offsets.get('d')).toBe(65.5);
    // A superseded take shares its answer's place.
    expect(offsets.get('a')).toBe(0);
  });
});
