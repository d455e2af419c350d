/**
 * The timeline: one swimlane per thread over virtual time, the lock, the
 * snapshots and the writes they race with, and the strip that shows what
 * host2's periodic can see. Owns the derived model (per trace) and the
 * visible domain (in the store); the chart draws one frame of it.
 */
import { useMemo } from 'react';
import type { AppState } from '../../state/store';
import { openingDomain } from '../../view/race-span';
import { clampDomain, type Domain } from '../../view/time-domain';
import { buildTimelineModel } from '../../view/timeline-model';
import { useAppShallow } from '../store-context';
import { TimelineChart } from './TimelineChart';
import { TimelineToolbar } from './TimelineToolbar';
import { useElementSize } from './useElementSize';
import './timeline.css';

const selectPanel = (s: AppState) => ({ trace: s.trace, timeDomain: s.timeDomain, running: s.runStatus === 'running' });

export function TimelinePanel() {
  const { trace, timeDomain, running } = useAppShallow(selectPanel);
  const model = useMemo(() => (trace ? buildTimelineModel(trace) : null), [trace]);
  // The store keeps or drops the zoom when a trace arrives (nextTimeDomain); here it is only drawn.
  const extent = model?.extent ?? null;
  const domain = useMemo<Domain | null>(
    () => (model && extent ? clampDomain(timeDomain ?? openingDomain(model.trace), extent) : null),
    [model, extent, timeDomain],
  );
  const [bodyRef, size] = useElementSize<HTMLDivElement>();
  const round = (t: number): number => Math.round(t * 100) / 100;
  return (
    <section
      className="timeline-panel"
      data-testid="timeline"
      aria-label="Timeline"
      aria-busy={running}
      data-domain-start={domain ? round(domain[0]) : undefined}
      data-domain-end={domain ? round(domain[1]) : undefined}
    >
      <TimelineToolbar domain={domain} extent={extent} trace={model?.trace ?? null} />
      <div className="tl-body" ref={bodyRef}>
        {model && domain && size && size.width > 0 ? (
          <TimelineChart model={model} domain={domain} width={size.width} height={size.height} />
        ) : (
          <p className="tl-empty">{running ? 'Simulating…' : 'No trace yet.'}</p>
        )}
      </div>
    </section>
  );
}
