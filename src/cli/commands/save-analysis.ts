/** Stores an analysis (answers, transcript, signal values, scorecard) in one transaction. */
export { saveAnalysis } from '../../pipeline/index.js';
