import { it } from 'vitest';
import { parseTranscript, segmentLiveInterview } from './index.js';
const ts = (s: number, sep = '.') => { const h = Math.floor(s/3600), m = Math.floor(s/60)%60, x = s%60; return `${String(h).padStart(2,'0')}:${String(m).padStart(2,'0')}:${String(x).padStart(2,'0')}${sep}000`; };
it('perf', () => {
  const line = 'and then we looked at the numbers again, decided to roll back, and wrote it all down for the team';
  let vtt = 'WEBVTT\n\n', srt = '', txt = '', segs: unknown[] = [], vttz = 'WEBVTT\n\n';
  for (let i = 0; vtt.length < 5e6; i++) {
    vtt += `${i}\n${ts(i)} --> ${ts(i+1)}\n<v Speaker ${i%2}>${line}</v>\n\n`;
    vttz += `${i}\n${ts(i)} --> ${ts(i+1)}\nJane Doe: ${line}\n\n`;
    srt += `${i+1}\n${ts(i, ',')} --> ${ts(i+1, ',')}\n${i%2 ? 'Ann' : 'Bob'}: ${line}\n\n`;
    txt += `[${ts(i).slice(0,8)}] ${i%2 ? 'Ann' : 'Bob'}: ${line}\n`;
    segs.push({ speaker: i%2 ? 'Ann' : 'Bob', start: i, end: i+1, text: line });
  }
  const json = JSON.stringify({ version: 1, segments: segs }, null, 2);
  for (const round of [1, 2]) for (const [name, c] of [['vtt', vtt], ['vttz', vttz], ['srt', srt], ['txt', txt], ['json', json]] as const) {
    const t0 = performance.now();
    const t = parseTranscript(c);
    const t1 = performance.now();
    const r = segmentLiveInterview(t);
    console.log(name, (c.length/1e6).toFixed(1), 'MB', t.segments.length, 'segments', (t1-t0).toFixed(0), 'ms parse', (performance.now()-t1).toFixed(0), 'ms segment', r.length);
  }
});
