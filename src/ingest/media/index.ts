// Media decoding: recordings in, 16 kHz mono PCM out (through ffmpeg), streamed.
export { sniffMediaType, sniffFile, isMediaFile, SNIFF_BYTES, type MediaType } from './sniff.js';
export { probeMedia, type MediaInfo, type ProbeOptions } from './probe.js';
export { decodeAudio, decodeAudioToArray, DECODE_SAMPLE_RATE, type DecodeOptions } from './decode.js';
export { findFfmpeg, programVersion, type FfmpegTools } from './ffmpeg-tools.js';
