export {
  importTranscripts,
  type FileImportResult,
  type ImportOptions,
  type ImportProgress,
  type ImportStatus,
  type ImportSummary,
} from './import.js';
export { listImportFiles, TRANSCRIPT_EXTENSIONS, SIDECAR_SUFFIX, type ImportFile } from './files.js';
export { readSidecar, sidecarsOf, type ConversationKind, type FileMetadata } from './sidecar.js';
