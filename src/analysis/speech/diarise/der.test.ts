import { describe, expect, it } from 'vitest';
import { diarisationErrorRate, parseRttm } from './der.js';

const rttm = (lines: [string, number, number][]): string =>
  lines.map(([who, start, dur]) => `SPEAKER test 1 ${start} ${dur} <NA> <NA> ${who} <NA> <NA>`).join('\n');

describe('parseRttm', () => {
  it('reads SPEAKER lines as turns and skips everything else', () => {
    const turns = parseRttm(
      `;; comment\n${rttm([['a', 1.5, 2]])}\nSPKR-INFO test 1 <NA> <NA> <NA> unknown a <NA>\n`,
    );
    expect(turns).toEqual([{ speaker: 'a', start: 1.5, end: 3.5 }]);
  });
});

describe('diarisationErrorRate', () => {
  const reference = parseRttm(
    rttm([
      ['alice', 0, 10],
      ['bob', 10, 10],
    ]),
  );

  it('is 0 for a perfect diarisation whatever the system calls its speakers', () => {
    const system = parseRttm(
      rttm([
        ['S2', 0, 10],
        ['S1', 10, 10],
      ]),
    );
    const r = diarisationErrorRate(reference, system);
    expect(r.der).toBe(0);
    expect(r.mapping).toEqual({ alice: 'S2', bob: 'S1' });
  });

  it('counts one speaker for a two-speaker recording as confusion of the smaller share', () => {
    const r = diarisationErrorRate(reference, parseRttm(rttm([['S1', 0, 20]])));
    expect(r).toMatchObject({ scored: 20, missed: 0, falseAlarm: 0, confusion: 10 });
    expect(r.der).toBeCloseTo(0.5, 10);
  });

  it('counts missed speech and false alarms', () => {
    const system = parseRttm(
      rttm([
        ['S1', 0, 5],
        ['S2', 10, 10],
        ['S2', 25, 5],
      ]),
    );
    const r = diarisationErrorRate(reference, system);
    expect(r).toMatchObject({ missed: 5, falseAlarm: 5, confusion: 0 });
    expect(r.der).toBeCloseTo(10 / 20, 10);
  });

  it('scores overlapped speech once per speaker, as md-eval', () => {
    const overlapped = parseRttm(
      rttm([
        ['alice', 0, 10],
        ['bob', 5, 10],
      ]),
    );
    const r = diarisationErrorRate(overlapped, parseRttm(rttm([['S1', 0, 10]])));
    // Scored: 10 s of alice + 10 s of bob; bob is missed in 5–15 (5 s overlapped, 5 s alone).
    expect(r).toMatchObject({ scored: 20, missed: 10, falseAlarm: 0, confusion: 0 });
    expect(r.der).toBeCloseTo(0.5, 10);
  });

  it('maps speakers one to one for the most shared time (three system speakers, two reference)', () => {
    const system = parseRttm(
      rttm([
        ['S1', 0, 4],
        ['S2', 4, 6],
        ['S3', 10, 10],
      ]),
    );
    const r = diarisationErrorRate(reference, system);
    expect(r.mapping).toEqual({ alice: 'S2', bob: 'S3' });
    expect(r.confusion).toBeCloseTo(4, 10);
    expect(r.der).toBeCloseTo(4 / 20, 10);
  });

  it('leaves ± collar seconds around every reference boundary unscored', () => {
    const system = parseRttm(
      rttm([
        ['S1', 0, 10.2],
        ['S2', 10.2, 9.8],
      ]),
    );
    expect(diarisationErrorRate(reference, system).der).toBeCloseTo(0.2 / 20, 10);
    const collared = diarisationErrorRate(reference, system, { collar: 0.25 });
    expect(collared.der).toBe(0);
    // 0–0.25, 9.75–10.25 and 19.75–20 are not scored.
    expect(collared.scored).toBeCloseTo(19, 10);
  });
});
