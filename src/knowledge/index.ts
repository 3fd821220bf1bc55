export * from './action-items/index.js';
