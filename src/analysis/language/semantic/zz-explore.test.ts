import { it } from 'vitest';
import { loadEmbeddings } from './embeddings.js';
import { createSimilarity } from './similarity.js';
import { phraseStems } from './sentence-matcher.js';
it('explore', () => {
  const sim = createSimilarity(loadEmbeddings());
  const pairs: [string, string][] = [
    ['customer service', 'I served customers at the front desk and answered their calls.'],
    ['budget planning', 'I planned the yearly spending and tracked costs against it.'],
    ['financial reporting', 'I prepared the monthly finance reports for the board.'],
    ['software development', 'I developed the billing software with two other developers.'],
    ['written communication', 'I wrote clear emails and documentation for the team.'],
    ['supplier negotiation', 'I negotiated prices with our suppliers every quarter.'],
    ['Excel', 'I built the forecast in a spreadsheet.'],
    ['event organisation', 'I organised the annual conference for three hundred guests.'],
    ['social media marketing', 'I ran our Instagram and Facebook campaigns.'],
    ['recruitment', 'I recruited and hired four engineers last year.'],
  ];
  for (const [a, b] of pairs) console.log(sim(a, b).toFixed(3), a, phraseStems(a).join(','), '|', b, phraseStems(b).join(','));
});
