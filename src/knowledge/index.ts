export * from './segmentation/index.js';
