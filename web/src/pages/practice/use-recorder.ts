import { useCallback, useEffect, useRef, useState } from 'react';

export type RecorderState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'recording'; readonly stream: MediaStream; readonly startedAt: number }
  | {
      readonly phase: 'recorded';
      readonly blob: Blob;
      readonly url: string;
      readonly seconds: number;
      readonly fileName: string;
    }
  | { readonly phase: 'error'; readonly message: string };

/** Longest answer the recorder keeps; it stops by itself at this point. */
export const MAX_SECONDS = 5 * 60;

const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
const VIDEO_TYPES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];

function pickType(video: boolean): string | undefined {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function')
    return undefined;
  return (video ? VIDEO_TYPES : AUDIO_TYPES).find((t) => MediaRecorder.isTypeSupported(t));
}

function extensionFor(type: string): string {
  if (type.includes('ogg')) return 'ogg';
  if (type.includes('mp4')) return type.startsWith('video') ? 'mp4' : 'm4a';
  return 'webm';
}

/** Why the browser refused, in words that say what to do. */
function deviceError(cause: unknown, video: boolean): string {
  const device = video ? 'the camera or microphone' : 'the microphone';
  const name = cause instanceof DOMException ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return `The browser did not allow Candor to use ${device}. Allow it in the site settings, or type your answer instead.`;
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return `No ${video ? 'camera' : 'microphone'} was found. Connect one, or type your answer instead.`;
  }
  return `Candor could not start ${device}${cause instanceof Error && cause.message ? `: ${cause.message}` : ''}. You can type your answer instead.`;
}

/** Whether this browser can record at all (MediaRecorder and getUserMedia over a secure origin). */
export const canRecord = (): boolean =>
  typeof MediaRecorder !== 'undefined' &&
  typeof navigator !== 'undefined' &&
  !!navigator.mediaDevices?.getUserMedia;

/**
 * Records one answer in the browser with MediaRecorder: audio by default, the camera too when
 * asked. `elapsed` ticks while recording; the result is a Blob with an object URL for playback.
 *
 * @example
 * const rec = useRecorder(); await rec.start(false); … rec.stop()
 */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ phase: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const url = useRef<string | null>(null);

  const release = () => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
  };

  const start = useCallback(async (video: boolean) => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
    setElapsed(0);
    if (!canRecord()) {
      setState({ phase: 'error', message: 'This browser cannot record here. Type your answer instead.' });
      return;
    }
    setState({ phase: 'starting' });
    try {
      const media = await navigator.mediaDevices.getUserMedia(
        video ? { audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } } : { audio: true },
      );
      stream.current = media;
      const mimeType = pickType(video);
      const rec = new MediaRecorder(media, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      const startedAt = performance.now();
      rec.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      };
      rec.onstop = () => {
        release();
        const type = rec.mimeType || mimeType || (video ? 'video/webm' : 'audio/webm');
        const blob = new Blob(chunks, { type });
        const objectUrl = URL.createObjectURL(blob);
        url.current = objectUrl;
        const seconds = (performance.now() - startedAt) / 1000;
        setState({
          phase: 'recorded',
          blob,
          url: objectUrl,
          seconds,
          fileName: `answer.${extensionFor(type)}`,
        });
      };
      recorder.current = rec;
      rec.start(1000);
      setState({ phase: 'recording', stream: media, startedAt });
    } catch (cause) {
      release();
      setState({ phase: 'error', message: deviceError(cause, video) });
    }
  }, []);

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
    recorder.current = null;
  }, []);

  const reset = useCallback(() => {
    stop();
    release();
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
    setElapsed(0);
    setState({ phase: 'idle' });
  }, [stop]);

  // The live timer, and the automatic stop at MAX_SECONDS.
  useEffect(() => {
    if (state.phase !== 'recording') return;
    const timer = window.setInterval(() => {
      const seconds = (performance.now() - state.startedAt) / 1000;
      setElapsed(seconds);
      if (seconds >= MAX_SECONDS) stop();
    }, 250);
    return () => window.clearInterval(timer);
  }, [state, stop]);

  // Never leave the microphone on after the page goes away.
  useEffect(
    () => () => {
      if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
      stream.current?.getTracks().forEach((t) => t.stop());
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  return { state, elapsed, start, stop, reset };
}
