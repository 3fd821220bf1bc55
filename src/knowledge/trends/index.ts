export * from './weeks.js';
export * from './spikes.js';
export * from './trends.js';
export * from './export.js';
