import { useEffect, useRef, useState } from 'react';
import { deviceError, pickAudioType } from './media';

/** Length of the test recording the candidate plays back. */
const TEST_SECONDS = 3;

/**
 * The microphone's loudness, 0–1, from an AnalyserNode (RMS of the waveform, scaled so speech
 * fills most of the bar), updated every animation frame.
 */
function useLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (stream === null) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    void context.resume();
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    let last = 0;
    const tick = (time: number) => {
      frame = requestAnimationFrame(tick);
      if (time - last < 80) return;
      last = time;
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += ((s - 128) / 128) ** 2;
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  return level;
}

/** Microphone level, optional camera preview and a short test recording, before the first question. */
export function DeviceCheck({ onDone }: { onDone: (stream: MediaStream) => void }) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testUrl, setTestUrl] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const level = useLevel(stream);

  useEffect(() => {
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ audio: true })
      .then((media) => {
        // A second mount (React's strict mode) asks again; the first answer is let go.
        if (cancelled) media.getTracks().forEach((t) => t.stop());
        else setStream(media);
      })
      .catch((cause: unknown) => setError(deviceError(cause)));
    return () => {
      cancelled = true;
    };
  }, []);

  // The camera preview is only a mirror for the candidate: it is never recorded or sent.
  useEffect(() => {
    if (!camera) return;
    let preview: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } } })
      .then((media) => {
        if (cancelled) return media.getTracks().forEach((t) => t.stop());
        preview = media;
        if (video.current) video.current.srcObject = media;
      })
      .catch((cause: unknown) => {
        setCamera(false);
        setError(deviceError(cause, 'camera'));
      });
    return () => {
      cancelled = true;
      preview?.getTracks().forEach((t) => t.stop());
    };
  }, [camera]);

  useEffect(() => () => (testUrl ? URL.revokeObjectURL(testUrl) : undefined), [testUrl]);

  const testRecording = () => {
    if (stream === null) return;
    setTesting(true);
    setTestUrl(null);
    const mimeType = pickAudioType();
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const parts: Blob[] = [];
    recorder.ondataavailable = (e) => parts.push(e.data);
    recorder.onstop = () => {
      setTesting(false);
      setTestUrl(URL.createObjectURL(new Blob(parts, { type: recorder.mimeType || 'audio/webm' })));
    };
    recorder.start();
    window.setTimeout(() => recorder.stop(), TEST_SECONDS * 1000);
  };

  return (
    <section className="card take-card stack" aria-labelledby="device-heading" data-testid="device-check">
      <h1 id="device-heading">Check your microphone</h1>
      <p>
        Say a few words: the bar should move as you speak. Then make a short test recording and listen to it.
      </p>
      {error !== null && (
        <div className="error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="mic-level">Microphone level</label>
        <meter
          id="mic-level"
          className="take-meter"
          min={0}
          max={1}
          low={0.05}
          optimum={0.5}
          value={level}
          data-testid="mic-level"
          data-level={level.toFixed(2)}
        >
          {Math.round(level * 100)}%
        </meter>
        {stream === null && error === null && <p className="hint">Asking the browser for the microphone…</p>}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button secondary take-button"
          disabled={stream === null || testing}
          onClick={testRecording}
        >
          {testing ? `Recording ${TEST_SECONDS} seconds…` : 'Make a 3-second test recording'}
        </button>
      </div>
      {testUrl !== null && (
        <div className="field">
          <p className="take-audio-label">Listen to your test recording:</p>
          <audio controls src={testUrl} className="take-audio" aria-label="Your test recording" />
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={camera} onChange={(e) => setCamera(e.target.checked)} />
        <span>Show a camera preview (only you see it; answers are recorded as audio)</span>
      </label>
      {camera && (
        <video ref={video} className="take-video" autoPlay muted playsInline aria-label="Camera preview" />
      )}
      <button
        type="button"
        className="button primary take-button"
        disabled={stream === null}
        onClick={() => stream && onDone(stream)}
      >
        Continue to the questions
      </button>
    </section>
  );
}
