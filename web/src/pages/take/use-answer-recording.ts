import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { ApiError } from '../../api';
import { takeApi, type TakeState } from '../../api/take';
import { ChunkUploader, type UploadProgress } from './chunk-uploader';
import { deviceError, microphone, pickAudioType } from './media';

/** MediaRecorder hands over a chunk this often; each is uploaded as it arrives. */
export const TIMESLICE_MS = 2000;

export type RecordingPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'recording'; readonly startedAt: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string; readonly canResave: boolean };

const EMPTY: UploadProgress = { savedBytes: 0, totalBytes: 0, savedSeconds: 0, retrying: false };

/**
 * Records one take of an answer and uploads it while it records: a new attempt on the server,
 * MediaRecorder chunks every 2 s sent in order by a `ChunkUploader`, an automatic stop at
 * `answerSeconds`, then (once every chunk is on the server) the take is finished and kept.
 *
 * @example const rec = useAnswerRecording({ token, answerSeconds: 120, stream, onSaved, onLinkError })
 */
export function useAnswerRecording({
  token,
  answerSeconds,
  stream,
  onSaved,
  onLinkError,
}: {
  token: string;
  answerSeconds: number;
  stream: MutableRefObject<MediaStream | null>;
  onSaved: (state: TakeState) => void;
  onLinkError: (error: unknown) => void;
}) {
  const [phase, setPhase] = useState<RecordingPhase>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [progress, setProgress] = useState<UploadProgress>(EMPTY);
  const recorder = useRef<MediaRecorder | null>(null);
  const take = useRef<{ position: number; attempt: number; uploader: ChunkUploader } | null>(null);

  const save = useCallback(async () => {
    const current = take.current;
    if (current === null) return;
    setPhase({ kind: 'saving' });
    try {
      await current.uploader.drain();
      const state = await takeApi.finishAttempt(token, current.position, current.attempt);
      take.current = null;
      setPhase({ kind: 'idle' });
      onSaved(state);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) return onLinkError(error);
      const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
      if (!transient) take.current = null;
      setPhase({
        kind: 'failed',
        canResave: transient,
        message:
          error instanceof ApiError && !transient
            ? `${error.message} This take does not count against your retakes.`
            : 'Your answer could not be saved yet: the connection seems to be down. It is still here; try saving again.',
      });
    }
  }, [token, onSaved, onLinkError]);

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
    recorder.current = null;
  }, []);

  const start = useCallback(
    async (position: number) => {
      setPhase({ kind: 'starting' });
      setElapsed(0);
      setProgress(EMPTY);
      let media: MediaStream;
      try {
        media = await microphone(stream.current);
        stream.current = media;
      } catch (cause) {
        setPhase({ kind: 'failed', message: deviceError(cause), canResave: false });
        return;
      }
      try {
        const { attempt } = await takeApi.startAttempt(token, position);
        const uploader = new ChunkUploader(
          (offset, chunk) => takeApi.sendChunk(token, position, attempt, offset, chunk),
          setProgress,
        );
        take.current = { position, attempt, uploader };
        const mimeType = pickAudioType();
        const rec = new MediaRecorder(media, mimeType ? { mimeType } : undefined);
        const startedAt = performance.now();
        rec.ondataavailable = (event) => uploader.push(event.data, (performance.now() - startedAt) / 1000);
        rec.onstop = () => void save();
        recorder.current = rec;
        rec.start(TIMESLICE_MS);
        setPhase({ kind: 'recording', startedAt });
      } catch (error) {
        if (error instanceof ApiError && error.status === 410) return onLinkError(error);
        setPhase({
          kind: 'failed',
          message: error instanceof Error ? error.message : 'The recording could not start.',
          canResave: false,
        });
      }
    },
    [token, stream, save, onLinkError],
  );

  // The countdown, and the automatic stop when the answer time is up.
  useEffect(() => {
    if (phase.kind !== 'recording') return;
    const timer = window.setInterval(() => {
      const seconds = (performance.now() - phase.startedAt) / 1000;
      setElapsed(Math.min(seconds, answerSeconds));
      if (seconds >= answerSeconds) stop();
    }, 250);
    return () => window.clearInterval(timer);
  }, [phase, answerSeconds, stop]);

  // Closing the tab mid-take asks first (what arrived is kept either way).
  useEffect(() => {
    if (phase.kind !== 'recording' && phase.kind !== 'saving') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [phase.kind]);

  // Leaving the page mid-take stops the recorder; the server keeps what arrived.
  useEffect(
    () => () => {
      if (recorder.current && recorder.current.state !== 'inactive') {
        recorder.current.onstop = null;
        recorder.current.stop();
      }
    },
    [],
  );

  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, elapsed, progress, start, stop, save, reset };
}
