/** The browser's recording formats, best first: Opus in WebM where supported. */
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/** The first audio type this browser's MediaRecorder supports, or undefined for its default. */
export function pickAudioType(): string | undefined {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function')
    return undefined;
  return AUDIO_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
}

/** Why the browser refused a device, in words that say what to do. */
export function deviceError(cause: unknown, device: 'microphone' | 'camera' = 'microphone'): string {
  const name = cause instanceof DOMException ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return `The browser did not allow this page to use the ${device}. Allow it in the site settings (the icon beside the address), then reload the page.`;
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return `No ${device} was found. Connect one, then reload the page.`;
  }
  return `The ${device} could not be started${cause instanceof Error && cause.message ? `: ${cause.message}` : ''}.`;
}

/** The microphone stream: the one from the device check while it is live, else asked for again. */
export async function microphone(current: MediaStream | null): Promise<MediaStream> {
  if (current !== null && current.getAudioTracks().some((t) => t.readyState === 'live')) return current;
  return navigator.mediaDevices.getUserMedia({ audio: true });
}
