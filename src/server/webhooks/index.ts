/** Outgoing webhooks: signatures, the outbox delivery (any event), the fairness monitor, the knowledge webhook setting. */
export * from './signature.js';
export * from './deliver.js';
export * from './fairness-config.js';
export * from './fairness-monitor.js';
export * from './knowledge-config.js';
