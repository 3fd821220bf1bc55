import { useEffect, useMemo, useRef, useState } from 'react';
import type { Media, ScorecardEvidence, ScorecardView, TranscriptSegment } from '../../api';
import { EmptyState } from '../../components/status';
import { formatClock } from '../../format';

/** A quote the user clicked; `nonce` makes a second click on the same quote seek again. */
export interface EvidenceFocus {
  readonly evidence: ScorecardEvidence;
  readonly nonce: number;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The transcript segment a quote comes from: the one of that answer (any answer for null) whose
 * time span holds the quote's start, else the one whose text contains the quote, else the last
 * one starting before it.
 */
export function segmentFor(
  transcript: readonly TranscriptSegment[],
  response: number | null,
  time: number | null,
  quote = '',
): TranscriptSegment | null {
  const ofAnswer = response === null ? [] : transcript.filter((s) => s.responsePosition === response);
  const pool = ofAnswer.length > 0 ? ofAnswer : transcript;
  if (time !== null) {
    const within = pool.find(
      (s) => s.start !== null && s.end !== null && s.start <= time + 0.05 && time <= s.end,
    );
    if (within) return within;
  }
  const needle = normalise(quote).slice(0, 60);
  if (needle) {
    const byText = pool.find((s) => normalise(s.text).includes(needle));
    if (byText) return byText;
  }
  if (time !== null) {
    const before = pool.filter((s) => s.start !== null && s.start <= time);
    if (before.length > 0) return before[before.length - 1] ?? null;
  }
  return null;
}

/**
 * The recording of each answer with the transcript beside it. A clicked quote selects the
 * recording of its answer (`media.position === evidence.response`; a single recording holds every
 * answer, as when a whole interview was recorded on one track), seeks to
 * `evidence.start - media.offsetSeconds`, and highlights and scrolls to its transcript segment.
 */
export function MediaTranscript({
  media,
  transcript,
  responses,
  focus,
}: {
  media: readonly Media[];
  transcript: readonly TranscriptSegment[];
  responses: ScorecardView['responses'];
  focus: EvidenceFocus | null;
}) {
  const sorted = useMemo(() => [...media].sort((a, b) => a.position - b.position), [media]);
  const [mediaId, setMediaId] = useState<string | null>(sorted[0]?.id ?? null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const player = useRef<HTMLMediaElement | null>(null);
  const pendingSeek = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const current = sorted.find((m) => m.id === mediaId) ?? null;
  const single = sorted.length === 1;
  /** The recording holding an answer: the only one, else the one at the answer's position. */
  const recordingFor = (position: number | null) =>
    single ? (sorted[0] ?? null) : (sorted.find((m) => m.position === position) ?? null);

  const seek = (seconds: number) => {
    const el = player.current;
    const target = Math.max(0, seconds);
    if (el && el.readyState >= 1) el.currentTime = target;
    else pendingSeek.current = target;
  };

  // Follow a clicked quote: pick its recording, seek, highlight and scroll to its segment.
  useEffect(() => {
    if (!focus) return;
    const { evidence } = focus;
    const segment = segmentFor(transcript, evidence.response, evidence.start, evidence.quote);
    setCurrentId(segment?.id ?? null);
    const recording = recordingFor(evidence.response);
    if (recording && evidence.start !== null) {
      const target = evidence.start - recording.offsetSeconds;
      if (recording.id === mediaId) {
        pendingSeek.current = null;
        seek(target);
      } else {
        pendingSeek.current = Math.max(0, target);
        setMediaId(recording.id);
      }
    }
  }, [focus]);

  // Keep the highlighted segment in view inside the transcript box, without moving the page.
  useEffect(() => {
    const box = list.current;
    if (!box || !currentId) return;
    const item = box.querySelector<HTMLElement>(`[data-segment="${CSS.escape(currentId)}"]`);
    if (!item) return;
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: 'smooth' });
    }
  }, [currentId]);

  const onLoaded = () => {
    if (pendingSeek.current !== null && player.current) {
      player.current.currentTime = pendingSeek.current;
      pendingSeek.current = null;
    }
  };

  // While playing, the segment under the playhead is the highlighted one.
  const onTimeUpdate = () => {
    const el = player.current;
    if (!el || el.paused || !current) return;
    const time = el.currentTime + current.offsetSeconds;
    const segment = segmentFor(transcript, single ? null : current.position, time);
    if (segment && segment.start !== null && segment.start <= time) setCurrentId(segment.id);
  };

  const questionFor = (position: number | null) =>
    position === null ? null : (responses.find((r) => r.position === position)?.questionText ?? null);

  const jump = (segment: TranscriptSegment) => {
    setCurrentId(segment.id);
    if (segment.start === null) return;
    const recording = recordingFor(segment.responsePosition);
    if (!recording) return;
    if (recording.id !== mediaId) {
      pendingSeek.current = Math.max(0, segment.start - recording.offsetSeconds);
      setMediaId(recording.id);
    } else {
      seek(segment.start - recording.offsetSeconds);
    }
  };

  let lastPosition: number | null | undefined;
  return (
    <div className="card media-card">
      <h2 className="section-title">Recording</h2>
      {current ? (
        <>
          {sorted.length > 1 && (
            <div className="field">
              <label htmlFor="recording-pick">Answer</label>
              <select id="recording-pick" value={current.id} onChange={(e) => setMediaId(e.target.value)}>
                {sorted.map((m) => (
                  <option key={m.id} value={m.id}>
                    Answer {m.position + 1}
                    {m.questionText ? `: ${m.questionText.slice(0, 60)}` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          {current.contentType.startsWith('text/') ? (
            <p className="muted small" data-testid="typed-answer">
              Answer {current.position + 1} was typed by the candidate on the interview page, not recorded;
              its words are in the transcript below.
            </p>
          ) : current.contentType.startsWith('video/') ? (
            <video
              key={current.id}
              ref={(el) => {
                player.current = el;
              }}
              src={current.url}
              controls
              preload="metadata"
              data-testid="player"
              aria-label={`Recording of answer ${current.position + 1}`}
              onLoadedMetadata={onLoaded}
              onTimeUpdate={onTimeUpdate}
            />
          ) : (
            <audio
              key={current.id}
              ref={(el) => {
                player.current = el;
              }}
              src={current.url}
              controls
              preload="metadata"
              data-testid="player"
              aria-label={`Recording of answer ${current.position + 1}`}
              onLoadedMetadata={onLoaded}
              onTimeUpdate={onTimeUpdate}
            />
          )}
        </>
      ) : (
        <p className="muted small">No recording for this interview; the quotes point into the transcript.</p>
      )}
      <h2 className="section-title" id="transcript-heading">
        Transcript
      </h2>
      {transcript.length === 0 ? (
        <EmptyState title="No transcript stored">
          The scorecard's quotes are all that remains of the answers.
        </EmptyState>
      ) : (
        <ol className="transcript" ref={list} aria-labelledby="transcript-heading">
          {transcript.map((segment) => {
            const heading =
              segment.responsePosition !== lastPosition && segment.responsePosition !== null
                ? (questionFor(segment.responsePosition) ?? `Answer ${segment.responsePosition + 1}`)
                : null;
            lastPosition = segment.responsePosition;
            const active = segment.id === currentId;
            return (
              <li
                key={segment.id}
                data-segment={segment.id}
                data-testid="transcript-segment"
                aria-current={active ? 'true' : undefined}
                className={active ? 'segment active' : 'segment'}
              >
                {heading && (
                  <div className="segment-question">
                    Answer {(segment.responsePosition ?? 0) + 1}
                    {heading.startsWith('Answer ') ? '' : `: ${heading}`}
                  </div>
                )}
                <SegmentButton segment={segment} onJump={jump} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** One transcript line as a button: time, speaker and text; a click plays the recording from it. */
export function SegmentButton({
  segment,
  onJump,
}: {
  segment: TranscriptSegment;
  onJump: (segment: TranscriptSegment) => void;
}) {
  return (
    <button type="button" className="segment-button" onClick={() => onJump(segment)}>
      <span className="segment-meta">
        {segment.start !== null && <span className="segment-time">{formatClock(segment.start)}</span>}
        {segment.speaker && <span className="segment-speaker">{segment.speaker}</span>}
      </span>
      <span className="segment-text">{segment.text}</span>
    </button>
  );
}
