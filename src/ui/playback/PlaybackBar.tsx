/**
 * Stepping through the trace: first, previous, play/pause, next, last, speed,
 * a scrubber, and what the selected step is.
 */
import { PLAYBACK_SPEEDS, type PlaybackSpeed } from '../../state/playback-slice';
import { selectCurrentStep, selectStepCount } from '../../state/selectors';
import { formatTime } from '../../view/time-format';
import { LANE_COLOR, LANE_LABEL } from '../theme';
import { useApp, useAppShallow, useAppStore } from '../store-context';
import { KeyHelp } from './KeyHelp';
import { PlaybackIcon } from './PlaybackIcon';
import { usePlaybackKeys, usePlaybackTimer } from './usePlaybackKeys';
import './playback.css';

export function PlaybackBar() {
  usePlaybackKeys();
  usePlaybackTimer();
  const store = useAppStore();
  const step = useApp(selectCurrentStep);
  const count = useApp(selectStepCount);
  const clock = useApp((st) => st.trace?.verdict.clock ?? 'ms');
  // A partial trace (the part on screen of a big one, while a slider moves): its steps so far, of the whole trace's.
  const whole = useApp((st) => st.tracePartial?.steps ?? null);
  const { cursor, playing, speed } = useAppShallow((s) => ({ cursor: s.cursor, playing: s.playing, speed: s.speed }));
  const s = store.getState();
  const atStart = cursor <= 0;
  const atEnd = cursor >= count - 1;
  return (
    <nav className="playback" aria-label="Step through the trace">
      <div className="playback-buttons">
        <button type="button" data-testid="step-first" onClick={s.first} disabled={atStart} aria-label="First step (Home)" title="First step (Home)">
          <PlaybackIcon name="first" />
        </button>
        <button type="button" data-testid="step-prev" onClick={s.prev} disabled={atStart} aria-label="Previous step (Left arrow)" title="Previous step (← or k)">
          <PlaybackIcon name="prev" />
        </button>
        <button
          type="button"
          data-testid="step-play"
          onClick={s.togglePlay}
          aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-pressed={playing}
        >
          <PlaybackIcon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" data-testid="step-next" onClick={s.next} disabled={atEnd} aria-label="Next step (Right arrow)" title="Next step (→ or j)">
          <PlaybackIcon name="next" />
        </button>
        <button type="button" data-testid="step-last" onClick={s.last} disabled={atEnd} aria-label="Last step (End)" title="Last step (End)">
          <PlaybackIcon name="last" />
        </button>
      </div>
      <label className="playback-speed">
        <span>speed</span>
        <select
          data-testid="playback-speed"
          value={speed}
          onChange={(e) => s.setSpeed(Number(e.target.value) as PlaybackSpeed)}
        >
          {PLAYBACK_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v} steps/s
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="playback-scrubber"
        data-testid="step-scrubber"
        aria-label="Selected step"
        min={0}
        max={Math.max(0, count - 1)}
        value={cursor}
        onChange={(e) => s.setCursor(Number(e.target.value))}
      />
      <output className="cursor-step" data-testid="cursor-step" aria-live="polite" data-step-index={cursor} data-step={cursor + 1}>
        {step ? (
          // Two lines of fixed height: nothing is cut off, and the bar never changes height.
          <>
            <span className="cursor-line">
              <span className="cursor-count" title={whole !== null ? `${count} of ${whole} steps simulated so far` : undefined}>
                step {cursor + 1} / {whole ?? count}
                {whole !== null ? '…' : null}
              </span>{' '}
              <span className="cursor-time">at {formatTime(step.end, clock)}</span>
            </span>{' '}
            <span className="cursor-line">
              <span className="lane-dot" style={{ background: LANE_COLOR[step.thread] }} aria-hidden="true" />
              <span className="cursor-thread">{LANE_LABEL[step.thread]}</span> – <span className="cursor-name">{step.name}</span>
            </span>
          </>
        ) : (
          'no steps yet'
        )}
      </output>
      <KeyHelp />
    </nav>
  );
}
