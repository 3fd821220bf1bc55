export {
  segmentTopics,
  segmentTokens,
  TOPIC_TILING_DEFAULTS,
  type SegmentTopicsOptions,
  type TopicSection,
} from './segment-topics.js';
export {
  conversationTokens,
  type ConversationToken,
  type ConversationTokens,
} from './conversation-tokens.js';
export {
  tileConversation,
  depthScores,
  type Cohesion,
  type TilingOptions,
  type TopicBoundary,
} from './text-tiling.js';
export { defaultWindow, massesOf, pk, windowDiff } from './evaluation.js';
export { sectionKeyphrases, titleOf } from './keyphrases.js';
export { boundaryFeatures, BOUNDARY_FEATURES, type BoundaryFeature } from './boundary-features.js';
export {
  BOUNDARY_MODEL,
  boundaryScores,
  fitBoundaryModel,
  pickBoundaries,
  type BoundaryExamples,
  type BoundaryModel,
} from './boundary-model.js';
