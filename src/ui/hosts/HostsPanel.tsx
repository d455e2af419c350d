/**
 * The hosts' PCI devices at the cursor, one column per host: what each
 * tracker believes, what the database says, and what the guests really use.
 */
import { useMemo, useRef } from 'react';
import { HOSTS, isUsageOutcome, RACE_INFO } from '../../model';
import { selectStepWorlds } from '../../state/selectors';
import type { AppState } from '../../state/store';
import { useAppShallow, useAppStore } from '../store-context';
import { type CursorWorlds, hostDevices } from './device-view';
import { hostSummary } from './host-summary';
import { DeviceLegend } from './DeviceLegend';
import { HostCard } from './HostCard';
import { useRevealChanged } from './useRevealChanged';
import { UsageHostCard } from './UsageHostCard';
import { usageCardSummary } from './usage-summary';
import './hosts.css';

const selectHostsInput = (s: AppState) => ({ trace: s.trace, worlds: selectStepWorlds(s) });

export function HostsPanel() {
  const { trace, worlds: stepWorlds } = useAppShallow(selectHostsInput);
  // The cards show the step the worker answered for (a moment behind the cursor while stepping).
  const cursor = stepWorlds?.step ?? 0;
  const store = useAppStore();
  // The cards are grid cells of the hosts area; the legend is the anchor whose parent scrolls.
  const legend = useRef<HTMLElement>(null);
  // Device rows only: the legend shows the same looks as samples.
  useRevealChanged(legend, '.host-card .dev-row.chg, .host-card .dev-lost, .host-card .dev-conflict', cursor);
  const usage = useMemo(() => {
    if (!trace || !stepWorlds || !isUsageOutcome(trace.verdict)) return null;
    const info = RACE_INFO[trace.verdict.race];
    const { after: at, before, step } = stepWorlds;
    const judged = trace.verdict.times.judged;
    return {
      operation: info.operation,
      cards: info.hosts.map((host) => usageCardSummary(at, before, host, info.expectedUsage?.[host] ?? 0, judged, step)),
    };
  }, [trace, stepWorlds]);
  const views = useMemo(() => {
    if (!trace || !stepWorlds || isUsageOutcome(trace.verdict)) return null;
    const { after: at, before, step } = stepWorlds;
    const worlds: CursorWorlds = { trace, cursor: step, at, before };
    return HOSTS.map((host) => ({ summary: hostSummary(at, before, host), devices: hostDevices(worlds, host) }));
  }, [trace, stepWorlds]);
  if (usage) {
    return (
      <>
        {usage.cards.map((card) => (
          <UsageHostCard key={card.host} summary={card} operation={usage.operation} />
        ))}
      </>
    );
  }
  if (!views) {
    return (
      <p className="hosts-empty" role="status">
        Simulating…
      </p>
    );
  }
  const jump = (step: number): void => store.getState().setCursor(step);
  return (
    <>
      {views.map((v) => (
        <HostCard key={v.summary.host} summary={v.summary} devices={v.devices} cursor={cursor} onJump={jump} />
      ))}
      <DeviceLegend ref={legend} />
    </>
  );
}
