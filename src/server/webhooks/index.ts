/** Outgoing webhooks: signatures, the outbox delivery, and the fairness monitor that fills it. */
export * from './signature.js';
export * from './deliver.js';
export * from './fairness-config.js';
export * from './fairness-monitor.js';
