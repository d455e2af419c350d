/**
 * How a step bar is sized and labelled, shared by the SVG step layer and the
 * canvas painter so both draw a step the same way.
 */
import type { StepRow } from '../../model';
import { estimateTextWidth } from '../../view/label-placement';
import { formatDuration } from '../../view/time-format';

/** Thinner than this, a bar is widened around its centre so it stays visible. */
export const MIN_BAR_PX = 2;
export const TEXT_PX = 10;
/** Bars at least this wide get a light edge that separates back-to-back steps. */
export const SEPARATE_PX = 4;

export function widen(x0: number, x1: number, min: number): { x: number; width: number } {
  const width = Math.max(x1 - x0, min);
  return { x: (x0 + x1) / 2 - width / 2, width };
}

/** The words inside a bar, when the bar is wide enough for them. */
export function barText(step: StepRow, width: number): string | null {
  const text = step.sleep ? `sleep ${formatDuration(step.end - step.start)}` : step.name;
  return width >= estimateTextWidth(text, TEXT_PX) + 8 ? text : null;
}
