/**
 * Which speaker of an uploaded transcript is the candidate. A transcript of two or more speakers
 * of a hiring interview must name the candidate (a speaker called like them, or "Candidate", or
 * `meta.candidate`); otherwise the upload is answered with SPEAKER_CHOICE_NEEDED listing the
 * speakers and their words, and completed by sending it again with `candidateSpeaker`.
 */
import { CandorError } from '../../../core/index.js';
import type { Transcript } from '../../../domain/index.js';
import {
  chosenSpeaker,
  findCandidateSpeaker,
  speakerNamed,
  speakerWordCounts,
} from '../../../ingest/candidate-speaker.js';
import type { InterviewRecord, Store } from '../../../store/index.js';

/**
 * The candidate's speaker label to record for this transcript, or null when there is nothing to
 * record (one speaker, a practice answer, or the transcript's own `meta.candidate`).
 * @throws CandorError SPEAKER_CHOICE_NEEDED (details: `speakers` with `words`, `candidateName`,
 *   `suggested`) when no speaker is the candidate by name and none was chosen;
 *   VALIDATION_FAILED when `chosen` is not one of the speakers.
 * @example const speaker = await candidateSpeakerOf(store, interview, transcript, 'call.vtt', body.candidateSpeaker)
 */
export async function candidateSpeakerOf(
  store: Store,
  interview: InterviewRecord,
  transcript: Transcript,
  file: string,
  chosen: string | undefined,
): Promise<string | null> {
  const speakers = speakerWordCounts(transcript);
  const labels = speakers.map((s) => s.speaker);
  if (chosen !== undefined) return chosenSpeaker(chosen, labels, 'body.candidateSpeaker');
  if (interview.kind === 'practice' || interview.applicationId === null || labels.length < 2) return null;
  if (transcript.meta?.candidate !== undefined) return null;
  const application = await store.applications.get(interview.applicationId);
  const candidate = await store.candidates.get(application.candidateId);
  const named = speakerNamed(labels, candidate.name);
  if (named !== null) return named;
  const list = speakers.map((s) => `${s.speaker} (${s.words} words)`).join(', ');
  throw new CandorError(
    'SPEAKER_CHOICE_NEEDED',
    `${file}: no speaker is named ${candidate.name}; choose which speaker is the candidate: ${list}`,
    {
      file,
      field: 'candidateSpeaker',
      candidateName: candidate.name,
      speakers,
      suggested: findCandidateSpeaker(transcript),
    },
  );
}
