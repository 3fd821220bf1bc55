import { useId, useState } from 'react';
import { ApiError, errorMessage } from '../../api';
import { formatBytes } from '../../format';

/** A speaker of a transcript and their words, as SPEAKER_CHOICE_NEEDED lists them. */
export interface SpeakerWords {
  readonly speaker: string;
  readonly words: number;
}

/** Where one chosen file stands: exactly one state, never "uploaded" beside an error. */
export type FileState =
  | { readonly status: 'waiting' }
  | { readonly status: 'uploading' }
  | { readonly status: 'uploaded' }
  | { readonly status: 'refused'; readonly message: string }
  | {
      readonly status: 'choose-speaker';
      readonly candidateName: string;
      readonly speakers: readonly SpeakerWords[];
      readonly suggested: string | null;
    };

/**
 * The state an upload error leaves a file in: the question of which speaker is the candidate, or
 * refused with the API's reason.
 * @example setState(name, stateOfError(error))
 */
export function stateOfError(error: unknown): FileState {
  if (error instanceof ApiError && error.code === 'SPEAKER_CHOICE_NEEDED') {
    const details = (error.details ?? {}) as {
      candidateName?: string;
      speakers?: SpeakerWords[];
      suggested?: string | null;
    };
    return {
      status: 'choose-speaker',
      candidateName: details.candidateName ?? 'the candidate',
      speakers: details.speakers ?? [],
      suggested: details.suggested ?? null,
    };
  }
  return { status: 'refused', message: errorMessage(error) };
}

const WORDS: Record<FileState['status'], string> = {
  waiting: 'Not uploaded yet',
  uploading: 'Uploading…',
  uploaded: 'Uploaded',
  refused: 'Refused',
  'choose-speaker': 'Needs an answer',
};

/** The chosen files, each with its one state and, when refused, the reason. */
export function FileStates({
  files,
  states,
  onChooseSpeaker,
  busy,
}: {
  files: readonly File[];
  states: ReadonlyMap<string, FileState>;
  onChooseSpeaker: (file: File, speaker: string) => void;
  busy: boolean;
}) {
  if (files.length === 0) return null;
  return (
    <ol className="file-states" data-testid="file-states">
      {files.map((file) => {
        const state = states.get(file.name) ?? { status: 'waiting' };
        return (
          <li key={file.name} className={`file-state file-${state.status}`} data-status={state.status}>
            <div className="file-state-head">
              <span className="file-name">{file.name}</span>
              <span className="muted small">{formatBytes(file.size)}</span>
              <span className={`status status-upload-${state.status}`}>{WORDS[state.status]}</span>
            </div>
            {state.status === 'refused' && (
              <p className="error" role="alert">
                {state.message}
              </p>
            )}
            {state.status === 'choose-speaker' && (
              <SpeakerChoice
                state={state}
                busy={busy}
                onChoose={(speaker) => onChooseSpeaker(file, speaker)}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function SpeakerChoice({
  state,
  busy,
  onChoose,
}: {
  state: Extract<FileState, { status: 'choose-speaker' }>;
  busy: boolean;
  onChoose: (speaker: string) => void;
}) {
  const [chosen, setChosen] = useState(state.suggested ?? state.speakers[0]?.speaker ?? '');
  const name = useId();
  return (
    <fieldset className="speaker-choice" role="group">
      <legend>
        No speaker in this transcript is named {state.candidateName}. Which speaker is {state.candidateName}?
      </legend>
      {state.speakers.map((s) => (
        <label key={s.speaker} className="choice">
          <input
            type="radio"
            name={name}
            value={s.speaker}
            checked={chosen === s.speaker}
            onChange={() => setChosen(s.speaker)}
          />
          {s.speaker} <span className="muted small">({s.words} words)</span>
        </label>
      ))}
      <button
        type="button"
        className="button primary small"
        disabled={busy || chosen === ''}
        onClick={() => onChoose(chosen)}
      >
        Use this speaker
      </button>
    </fieldset>
  );
}
