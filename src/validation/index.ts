export { iccTwoWayRandom, krippendorffAlphaInterval, type IccResult } from './inter-rater.js';
export { averageRanks, meanAbsoluteError, pearson, spearman } from './correlation.js';
export { bootstrapPearsonInterval, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
export { groupedHoldout, groupedKFold, type Split } from './grouped-folds.js';
export { seededRandom, shuffled, type Random } from './seeded-random.js';
