/**
 * The timeline: one swimlane per thread over virtual time, the lock, the
 * snapshots and the writes they race with, and the strip that shows what
 * host2's periodic can see; or, while comparing, the buggy and the fixed
 * code on one time axis. Owns the derived models (per trace); the visible
 * domain is in the store, and each chart draws one frame of it.
 */
import { useMemo } from 'react';
import type { AppState } from '../../state/store';
import { unionExtent } from '../../view/compare-diff';
import { openingDomainOf } from '../../view/race-span';
import { timelineRenderer } from '../../view/lane-groups';
import { clampDomain, type Domain } from '../../view/time-domain';
import { buildTimelineModel } from '../../view/timeline-model';
import { useAppShallow } from '../store-context';
import { ComparePanes } from './ComparePanes';
import { TimelineChart } from './TimelineChart';
import { TimelineToolbar } from './TimelineToolbar';
import { useElementSize } from './useElementSize';
import './timeline.css';

const selectPanel = (s: AppState) => ({
  trace: s.trace,
  fix: s.tracedScenario?.fix ?? false,
  timeDomain: s.timeDomain,
  running: s.runStatus === 'running',
  compare: s.compare,
  compareTrace: s.compare ? s.compareTrace : null,
  partial: s.tracePartial,
});

export function TimelinePanel() {
  const { trace, fix, timeDomain, running, compare, compareTrace, partial } = useAppShallow(selectPanel);
  const model = useMemo(() => (trace ? buildTimelineModel(trace) : null), [trace]);
  const other = useMemo(() => (compareTrace ? buildTimelineModel(compareTrace) : null), [compareTrace]);
  // The store keeps or drops the zoom when a trace arrives (nextTimeDomain); here it is only drawn.
  const traces = useMemo(() => [model?.trace, other?.trace].filter((t) => t !== undefined), [model, other]);
  const extent = useMemo<Domain | null>(() => (traces.length > 0 ? unionExtent(traces) : null), [traces]);
  const domain = useMemo<Domain | null>(
    () => (extent ? clampDomain(timeDomain ?? openingDomainOf(traces), extent) : null),
    [traces, extent, timeDomain],
  );
  // Both sides of a comparison draw alike: on a canvas when either trace is big.
  // A partial trace (the part on screen of a big one, while a slider moves) draws as the whole one will.
  const renderer = timelineRenderer(Math.max(model?.trace.steps.length ?? 0, other?.trace.steps.length ?? 0, partial?.steps ?? 0));
  const [bodyRef, size] = useElementSize<HTMLDivElement>();
  const round = (t: number): number => Math.round(t * 100) / 100;
  return (
    <section
      className="timeline-panel"
      data-testid="timeline"
      aria-label="Timeline"
      aria-busy={running}
      data-compare={compare ? 'on' : 'off'}
      data-mode={model?.clock === 'step' ? 'schedule' : 'timed'}
      data-renderer={renderer}
      data-partial={partial ? 'true' : undefined}
      data-domain-start={domain ? round(domain[0]) : undefined}
      data-domain-end={domain ? round(domain[1]) : undefined}
    >
      <TimelineToolbar domain={domain} extent={extent} traces={traces} compare={compare} />
      <div className="tl-body" ref={bodyRef}>
        {model && domain && extent && compare ? (
          <ComparePanes primary={model} other={other} primaryIsFixed={fix} domain={domain} extent={extent} renderer={renderer} />
        ) : model && domain && extent && size && size.width > 0 ? (
          <TimelineChart
            model={model}
            domain={domain}
            width={size.width}
            height={size.height}
            extent={extent}
            renderer={renderer}
            simulatedUntil={partial?.until ?? null}
          />
        ) : (
          <p className="tl-empty">{running ? 'Simulating…' : 'No trace yet.'}</p>
        )}
      </div>
    </section>
  );
}
