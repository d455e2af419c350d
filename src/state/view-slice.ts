/**
 * What the user looks at: the hovered step and the timeline's visible time range.
 */
import type { HistoryIntent } from './history-intent';
import type { SliceCreator } from './store';

export interface ViewSlice {
  readonly hoveredStep: number | null;
  /** Visible virtual-time range of the timeline, `null` = the whole trace. */
  readonly timeDomain: readonly [number, number] | null;
  setHoveredStep(index: number | null): void;
  /** Show `domain`; zoom gestures coalesce into one history entry unless told otherwise. */
  setTimeDomain(domain: readonly [number, number] | null, intent?: HistoryIntent): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, _get, { history }) => ({
  hoveredStep: null,
  timeDomain: null,
  setHoveredStep: (index) => set({ hoveredStep: index }),
  setTimeDomain: (domain, intent = 'zoom') => {
    history.note(intent);
    set({ timeDomain: domain });
  },
});
