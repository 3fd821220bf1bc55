export * from './action-items/index.js';
export * from './segmentation/index.js';
