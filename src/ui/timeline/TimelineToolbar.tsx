/**
 * The timeline's title row: a legend of the visual language and the zoom
 * buttons (for keyboards and for people without a wheel), including "Race",
 * which frames the race.
 */
import type { TraceView } from '../../model';
import { raceFramingOf } from '../../view/race-span';
import { type Domain, MIN_SPAN_MS, sameDomain, zoomDomain } from '../../view/time-domain';
import { formatInterval } from '../../view/time-format';
import { STATUS_COLOR } from '../theme';
import { useAppStore } from '../store-context';

const BUTTON_ZOOM = 2;

function Legend() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      <li>
        <svg width="18" height="10" aria-hidden="true">
          <rect x="0" y="0" width="18" height="6" className="tl-legend-step" />
          <rect x="0" y="7" width="18" height="3" className="tl-lock" />
        </svg>
        holds the lock
      </li>
      <li>
        <svg width="18" height="10" aria-hidden="true">
          <defs>
            <pattern id="tl-hatch-legend" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="4" height="4" className="tl-legend-wait-bg" />
              <line x1="0" y1="0" x2="0" y2="4" className="tl-legend-wait-line" />
            </pattern>
          </defs>
          <rect x="0.5" y="1.5" width="17" height="7" fill="url(#tl-hatch-legend)" className="tl-legend-wait" />
        </svg>
        waits for it
      </li>
      <li>
        <svg width="18" height="10" aria-hidden="true">
          <line x1="1" x2="17" y1="5" y2="5" className="tl-legend-sleep" />
        </svg>
        injected sleep
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <rect x="1" y="1" width="10" height="10" rx="2" fill="none" stroke={STATUS_COLOR.lost} strokeWidth="2" />
        </svg>
        ⚠ invariant broken
      </li>
    </ul>
  );
}

interface Props {
  readonly domain: Domain | null;
  readonly extent: Domain | null;
  /** The traces on the axis: one, or buggy and fixed while comparing. */
  readonly traces: readonly TraceView[];
  readonly compare: boolean;
}

export function TimelineToolbar({ domain, extent, traces, compare }: Props) {
  const store = useAppStore();
  const zoomBy = (factor: number): void => {
    if (!domain || !extent) return;
    const { trace: current, cursor, setTimeDomain } = store.getState();
    // Zoom around the selected step when it is on screen: that is what people zoom in to read.
    const cursorTime = current?.steps[cursor]?.end;
    const visible = cursorTime !== undefined && cursorTime >= domain[0] && cursorTime <= domain[1];
    const anchor = visible ? cursorTime : (domain[0] + domain[1]) / 2;
    setTimeDomain(zoomDomain(domain, factor, anchor, extent));
  };
  const race = raceFramingOf(traces);
  const schedule = traces[0]?.verdict.clock === 'step';
  const whole = !domain || !extent || (domain[0] <= extent[0] && domain[1] >= extent[1]);
  const deepest = !domain || domain[1] - domain[0] <= MIN_SPAN_MS * 1.001;
  const onRace = !race || (domain !== null && sameDomain(domain, race, 1e-3));
  return (
    <header className="tl-toolbar">
      <h2 className="panel-title tl-title">Timeline</h2>
      <Legend />
      <label
        className="tl-compare-toggle"
        title={schedule ? 'A loaded schedule is one order of the steps of one variant: go back to the timed run to compare' : 'The same scenario under the buggy and the fixed code, on one time axis'}
      >
        <input
          type="checkbox"
          data-testid="compare-toggle"
          checked={compare}
          disabled={schedule && !compare}
          onChange={(e) => store.getState().setCompare(e.target.checked)}
        />
        buggy | fixed
      </label>
      <div className="tl-zoom" role="group" aria-label="Zoom the timeline">
        <span className="tl-range" data-testid="timeline-range" aria-live="off">
          {domain ? formatInterval(domain[0], domain[1], traces[0]?.verdict.clock) : ''}
        </span>
        <button
          type="button"
          className="tl-race-button"
          data-testid="timeline-zoom-race"
          aria-label="Zoom to the race"
          title={race ? "Zoom to the race: from host2's first snapshot of inst-A to the free (or the host save) (z)" : 'The evacuation never reached its claim: there is no race to show'}
          disabled={onRace}
          onClick={() => race && store.getState().setTimeDomain(race)}
        >
          Race
        </button>
        <button type="button" data-testid="timeline-zoom-out" aria-label="Zoom out" title="Zoom out (or Ctrl + wheel down over the timeline)" disabled={whole} onClick={() => zoomBy(1 / BUTTON_ZOOM)}>
          −
        </button>
        <button type="button" data-testid="timeline-zoom-in" aria-label="Zoom in" title="Zoom in (or Ctrl + wheel up over the timeline; drag to pan)" disabled={deepest} onClick={() => zoomBy(BUTTON_ZOOM)}>
          +
        </button>
        <button
          type="button"
          data-testid="timeline-zoom-fit"
          aria-label="Show the whole trace"
          title="Show the whole trace"
          disabled={whole}
          onClick={() => extent && store.getState().setTimeDomain(extent)}
        >
          Fit
        </button>
      </div>
    </header>
  );
}
