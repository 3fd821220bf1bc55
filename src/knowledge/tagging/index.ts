export { tagTranscript, type TagTranscriptOptions } from './tag-transcript.js';
export { DEFAULT_TOPICS, topicIndex } from './topics.js';
export { nameIndex } from './names.js';
export { questionForm, type QuestionForm } from './questions.js';
export { NEUTRAL_BAND, judgeable, sentimentLabel, textSentiment } from './sentiment.js';
export { findOrganisations, type OrganisationCandidate } from './organisations.js';
export { suggestNames, suggestTopics, type SuggestOptions } from './suggest.js';
export { closeTagThread, tagInThread } from './tag-thread.js';
