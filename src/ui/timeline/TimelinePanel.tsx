/**
 * The timeline: one swimlane per thread over virtual time, the lock, the
 * snapshots and the writes they race with, and the strip that shows what
 * host2's periodic can see. Owns the derived model (per trace) and the
 * visible domain (in the store); the chart draws one frame of it.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { AppState } from '../../state/store';
import { clampDomain, type Domain, reconcileDomain, sameDomain } from '../../view/time-domain';
import { buildTimelineModel } from '../../view/timeline-model';
import { useAppShallow, useAppStore } from '../store-context';
import { TimelineChart } from './TimelineChart';
import { TimelineToolbar } from './TimelineToolbar';
import { useElementSize } from './useElementSize';
import './timeline.css';

const selectPanel = (s: AppState) => ({ trace: s.trace, timeDomain: s.timeDomain, running: s.runStatus === 'running' });

/** A new trace keeps the user's zoom if it barely moved in time, else starts from the whole trace. */
function useDomainReset(extent: Domain | null): void {
  const store = useAppStore();
  const previous = useRef<Domain | null>(null);
  const [start, end] = extent ?? [Number.NaN, Number.NaN];
  useLayoutEffect(() => {
    if (Number.isNaN(start)) return;
    const next: Domain = [start, end];
    const old = previous.current;
    previous.current = next;
    if (old && sameDomain(old, next)) return;
    const { timeDomain, setTimeDomain } = store.getState();
    const reconciled = reconcileDomain(timeDomain, old, next);
    const unchanged = reconciled === null ? timeDomain === null : timeDomain !== null && sameDomain(reconciled, timeDomain);
    if (!unchanged) setTimeDomain(reconciled);
  }, [store, start, end]);
}

export function TimelinePanel() {
  const { trace, timeDomain, running } = useAppShallow(selectPanel);
  const model = useMemo(() => (trace ? buildTimelineModel(trace) : null), [trace]);
  const extent = model?.extent ?? null;
  useDomainReset(extent);
  const domain = useMemo<Domain | null>(
    () => (extent ? clampDomain(timeDomain ?? extent, extent) : null),
    [extent, timeDomain],
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
      <TimelineToolbar domain={domain} extent={extent} />
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
