/**
 * What the user looks at: the hovered step and the timeline's visible time range.
 */
import type { Domain } from '../view/time-domain';
import type { HistoryIntent } from './history-intent';
import type { SliceCreator } from './store';
import { fitDomain, type PendingDomain, tracesOnScreen } from './time-view';

export interface ViewSlice {
  readonly hoveredStep: number | null;
  /** Visible virtual-time range of the timeline, `null` = the default view. */
  readonly timeDomain: Domain | null;
  /** A range asked for by the URL, applied when the trace arrives (see `nextTimeDomain`). */
  readonly pendingTimeDomain: PendingDomain | null;
  /** Is a zoom or pan gesture on a big trace's timeline under way (its domain is stored when it ends)? */
  readonly timelineGesture: boolean;
  /** Is the list of keyboard shortcuts open? */
  readonly keyHelpOpen: boolean;
  setKeyHelpOpen(open: boolean): void;
  setTimelineGesture(active: boolean): void;
  setHoveredStep(index: number | null): void;
  /** Show `domain`; zoom gestures coalesce into one history entry unless told otherwise. */
  setTimeDomain(domain: Domain | null, intent?: HistoryIntent): void;
  requestTimeDomain(domain: Domain | null): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get, { history }) => ({
  hoveredStep: null,
  timeDomain: null,
  pendingTimeDomain: null,
  timelineGesture: false,
  keyHelpOpen: false,
  setKeyHelpOpen: (open) => set({ keyHelpOpen: open }),
  setTimelineGesture: (active) => {
    if (get().timelineGesture !== active) set({ timelineGesture: active });
  },
  setHoveredStep: (index) => set({ hoveredStep: index }),
  setTimeDomain: (domain, intent = 'zoom') => {
    // Zooming back out to the default view stores null, so the URL drops t0/t1 again.
    const next = fitDomain(domain, tracesOnScreen(get()));
    const current = get().timeDomain;
    if (next === current || (next && current && next[0] === current[0] && next[1] === current[1])) return;
    history.note(intent);
    set({ timeDomain: next });
  },
  requestTimeDomain: (domain) => set({ pendingTimeDomain: { domain } }),
});
