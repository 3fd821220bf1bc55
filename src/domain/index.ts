export * from './transcript.js';
export * from './question.js';
export * from './job.js';
export * from './response.js';
export * from './signal.js';
export * from './scorecard.js';
export * from './demographics.js';
export * from './interview-metadata.js';
