/**
 * Types for `vader-sentiment` 1.1 (a CommonJS webpack bundle without its own types). Only what
 * Candor calls is declared. Under NodeNext, `import vader from 'vader-sentiment'` gives
 * `module.exports`.
 */
declare module 'vader-sentiment' {
  interface PolarityScores {
    readonly neg: number;
    readonly neu: number;
    readonly pos: number;
    /** Normalised sum of valences, −1 (most negative) to +1 (most positive). */
    readonly compound: number;
  }
  const vader: {
    readonly SentimentIntensityAnalyzer: {
      polarity_scores(text: string): PolarityScores;
    };
  };
  export = vader;
}
