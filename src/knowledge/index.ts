export * from './action-items/index.js';
export * from './segmentation/index.js';
export * from './import/index.js';
export * from './search/index.js';
export * from './trends/index.js';
export * from './tagging/index.js';
