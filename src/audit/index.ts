/** Adverse-impact audits: demographic values, the statistics, the per-category tables. */
export * from './demographic-values.js';
export * from './statistics.js';
export * from './adverse-impact.js';
export * from './demographics-import.js';
export * from './audit-report.js';
export * from './render-report.js';
export * from './explain-gap.js';
export * from './rolling-alert.js';
export * from './fairness-monitor.js';
