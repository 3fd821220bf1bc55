import vader from 'vader-sentiment';
import { syllable } from 'syllable';
import fs from 'node:fs';
const lines = fs.readFileSync('/work/shared/data/sentiment-vader/tweets_GroundTruth.txt','utf8').split('\n').filter(Boolean);
let t=performance.now(); let words=0;
for (const l of lines) { const text=l.split('\t')[2]; words+=text.split(/\s+/).length; vader.SentimentIntensityAnalyzer.polarity_scores(text); }
console.log('vader', lines.length, words, (performance.now()-t).toFixed(0),'ms', (words/((performance.now()-t)/1000)).toFixed(0),'w/s');
t=performance.now(); let n=0;
for (const l of lines) for (const w of l.split('\t')[2].split(/\s+/)) { syllable(w); n++; }
console.log('syllable', n, (performance.now()-t).toFixed(0),'ms');
console.log(lines.slice(0,3));
