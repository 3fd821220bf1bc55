/** The demographic values live in the domain (the store checks them too); re-exported for the audit. */
export * from '../domain/demographics.js';
