export { createSignalAnalyzer, SIGNAL_CATALOGUE, type SignalAnalyzer } from './signal-analyzer.js';
export type { VoiceTrack, Pause } from './speech/signals/index.js';
