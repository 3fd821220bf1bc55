import { useEffect, useMemo, useRef, useState } from 'react';
import type { Media, TranscriptSegment } from '../../api';
import { knowledgeApi, type InterviewTag } from '../../api/knowledge-search';
import { Async, EmptyState } from '../../components/status';
import { formatClock, formatDate } from '../../format';
import { PageHeader } from '../../page';
import { Link } from '../../router';
import { useApi } from '../../use-api';
import { SegmentButton } from '../scorecard/media-transcript';

type Loaded = Awaited<ReturnType<typeof knowledgeApi.interview>>;

/** Where the page opens: `?segment=<position>` (the search result's moment) and `?t=<seconds>`. */
export interface InterviewFocus {
  readonly segment: number | null;
  readonly time: number | null;
}

/** The segment to open at: the one at `segment`, else the one whose time span holds `time`. */
export function focusedSegment(
  transcript: readonly TranscriptSegment[],
  focus: InterviewFocus,
): TranscriptSegment | null {
  if (focus.segment !== null) {
    const byPosition = transcript.find((s) => s.position === focus.segment);
    if (byPosition) return byPosition;
  }
  if (focus.time !== null) {
    const t = focus.time;
    return (
      transcript.find((s) => s.start !== null && s.end !== null && s.start <= t + 0.05 && t <= s.end) ??
      transcript.filter((s) => s.start !== null && s.start <= t).pop() ??
      null
    );
  }
  return null;
}

/**
 * `/interviews/:id`: any conversation (customer, exit, research, sales, hiring): its kind,
 * account, date and title, the whole transcript with speakers and times, the recording when it
 * has one, and its tags beside the transcript when the server has tagged it. Opened with
 * `?t=…&segment=…` it scrolls to and highlights that moment and sets the player there.
 */
export function InterviewPage({ interviewId, focus }: { interviewId: string; focus: InterviewFocus }) {
  const state = useApi(() => knowledgeApi.interview(interviewId), [interviewId]);
  const tags = useApi(() => knowledgeApi.tags(interviewId).catch(() => null), [interviewId]);
  const interview = state.data?.interview;
  const title = interview?.title ?? (interview ? `${interview.kind} conversation` : 'Conversation');
  return (
    <div className="page interview-page">
      <PageHeader
        title={title}
        eyebrow={
          interview ? (
            <span data-testid="interview-facts">
              {[interview.kind, interview.account, formatDate(interview.occurredAt ?? interview.createdAt)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          ) : undefined
        }
      >
        {interview && (interview.segment || interview.role || interview.outcome) && (
          <p className="muted small">
            {[interview.segment, interview.role, interview.outcome].filter(Boolean).join(' · ')}
          </p>
        )}
        {state.data?.scorecardId && (
          <Link to={`/scorecards/${state.data.scorecardId}`}>Open the scorecard</Link>
        )}
      </PageHeader>
      <Async state={state} label="Loading the conversation…">
        {(data) => <InterviewBody data={data} focus={focus} tags={tags.data ?? null} />}
      </Async>
    </div>
  );
}

/** The recording holding time `t` of the interview's time line (recordings run back to back). */
function recordingAt(media: readonly Media[], t: number): Media | null {
  const playable = media.filter((m) => !m.contentType.startsWith('text/'));
  const before = playable.filter((m) => m.offsetSeconds <= t + 0.001);
  return before[before.length - 1] ?? playable[0] ?? null;
}

function InterviewBody({
  data,
  focus,
  tags,
}: {
  data: Loaded;
  focus: InterviewFocus;
  tags: readonly InterviewTag[] | null;
}) {
  const media = useMemo(
    () => [...data.media].sort((a, b) => a.offsetSeconds - b.offsetSeconds || a.position - b.position),
    [data.media],
  );
  const opened = useMemo(
    () => focusedSegment(data.transcript, focus),
    [data.transcript, focus.segment, focus.time],
  );
  const startTime = focus.time ?? opened?.start ?? 0;
  const [currentId, setCurrentId] = useState<string | null>(opened?.id ?? null);
  const [recording, setRecording] = useState<Media | null>(() => recordingAt(media, startTime));
  const pendingSeek = useRef<number | null>(
    recording ? Math.max(0, startTime - recording.offsetSeconds) : null,
  );
  const player = useRef<HTMLMediaElement | null>(null);
  const list = useRef<HTMLOListElement>(null);

  // Open at the moment asked for: scroll it into the middle of the view.
  useEffect(() => {
    if (!opened) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-segment="${CSS.escape(opened.id)}"]`);
    item?.scrollIntoView({ block: 'center' });
  }, [opened]);

  const seekTo = (t: number) => {
    const target = recordingAt(media, t);
    if (!target) return;
    const local = Math.max(0, t - target.offsetSeconds);
    if (target.id !== recording?.id) {
      pendingSeek.current = local;
      setRecording(target);
    } else if (player.current && player.current.readyState >= 1) {
      player.current.currentTime = local;
    } else {
      pendingSeek.current = local;
    }
  };

  const jump = (segment: TranscriptSegment) => {
    setCurrentId(segment.id);
    if (segment.start !== null) seekTo(segment.start);
  };
  const jumpToPosition = (position: number | null) => {
    const segment = data.transcript.find((s) => s.position === position);
    if (!segment) return;
    jump(segment);
    list.current
      ?.querySelector<HTMLElement>(`[data-segment="${CSS.escape(segment.id)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const onLoaded = () => {
    if (pendingSeek.current !== null && player.current) {
      player.current.currentTime = pendingSeek.current;
      pendingSeek.current = null;
    }
  };
  const onTimeUpdate = () => {
    const el = player.current;
    if (!el || el.paused || !recording) return;
    const t = el.currentTime + recording.offsetSeconds;
    const segment = focusedSegment(data.transcript, { segment: null, time: t });
    if (segment) setCurrentId(segment.id);
  };

  const playerProps = {
    ref: (el: HTMLMediaElement | null) => {
      player.current = el;
    },
    src: recording?.url,
    controls: true,
    preload: 'metadata',
    'data-testid': 'player',
    'aria-label': 'Recording of the conversation',
    onLoadedMetadata: onLoaded,
    onTimeUpdate,
  } as const;

  return (
    <div className={tags && tags.length > 0 ? 'interview-layout with-tags' : 'interview-layout'}>
      <div className="card media-card">
        {recording && (
          <>
            <h2 className="section-title">Recording</h2>
            {recording.contentType.startsWith('video/') ? (
              <video key={recording.id} {...playerProps} />
            ) : (
              <audio key={recording.id} {...playerProps} />
            )}
          </>
        )}
        <h2 className="section-title" id="transcript-heading">
          Transcript
        </h2>
        {data.transcript.length === 0 ? (
          <EmptyState title="No transcript yet">
            Upload a transcript or a recording and analyse it to read the conversation here.
          </EmptyState>
        ) : (
          <ol className="transcript full" ref={list} aria-labelledby="transcript-heading">
            {data.transcript.map((segment) => {
              const active = segment.id === currentId;
              return (
                <li
                  key={segment.id}
                  data-segment={segment.id}
                  data-position={segment.position}
                  data-testid="transcript-segment"
                  aria-current={active ? 'true' : undefined}
                  className={active ? 'segment active' : 'segment'}
                >
                  <SegmentButton segment={segment} onJump={jump} />
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {tags && tags.length > 0 && <TagPanel tags={tags} onJump={jumpToPosition} />}
    </div>
  );
}

const KIND_TITLE: Record<string, string> = {
  section: 'Sections',
  topic: 'Topics',
  competitor: 'Competitors',
  product: 'Products',
  sentiment: 'Sentiment',
  action_item: 'Action items',
  question: 'Questions',
  keyphrase: 'Key phrases',
  organisation: 'Organisations',
};

/** The interview's tags by kind, each a button to its moment in the transcript. */
function TagPanel({
  tags,
  onJump,
}: {
  tags: readonly InterviewTag[];
  onJump: (position: number | null) => void;
}) {
  const kinds = [...new Set(tags.map((t) => t.kind))].sort((a, b) =>
    a === 'section' ? -1 : b === 'section' ? 1 : a.localeCompare(b),
  );
  return (
    <aside className="card tag-panel" aria-label="Tags" data-testid="tag-panel">
      {kinds.map((kind) => (
        <section key={kind}>
          <h2 className="section-title">{KIND_TITLE[kind] ?? kind}</h2>
          <ul className="tag-list">
            {tags
              .filter((t) => t.kind === kind)
              .map((t, i) => (
                <li key={`${t.label}-${i}`}>
                  <button
                    type="button"
                    className="link-button"
                    disabled={t.segmentPosition === null}
                    onClick={() => onJump(t.segmentPosition)}
                    title={t.quote}
                  >
                    {t.startS !== null && <span className="segment-time">{formatClock(t.startS)} </span>}
                    {t.label}
                  </button>
                  {kind !== 'section' && t.quote && t.quote !== t.label && (
                    <q className="muted small tag-quote">{t.quote}</q>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
