/**
 * What the user looks at: the hovered step and the timeline's visible time range.
 */
import type { SliceCreator } from './store';

export interface ViewSlice {
  readonly hoveredStep: number | null;
  /** Visible virtual-time range of the timeline, `null` = the whole trace. */
  readonly timeDomain: readonly [number, number] | null;
  setHoveredStep(index: number | null): void;
  setTimeDomain(domain: readonly [number, number] | null): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  hoveredStep: null,
  timeDomain: null,
  setHoveredStep: (index) => set({ hoveredStep: index }),
  setTimeDomain: (domain) => set({ timeDomain: domain }),
});
