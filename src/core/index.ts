export * from './errors.js';
export * from './config.js';
export * from './ids.js';
export * from './paths.js';
export * from './parse-document.js';
export * from './csv.js';
