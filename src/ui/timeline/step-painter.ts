/**
 * The canvas under a big trace's timeline: row bands, grid lines, lock bands
 * and step bars, drawn for one domain in one call, so a zoom or pan frame is
 * a redraw of this canvas and nothing else. Framework-free (the chart calls
 * `draw` from an effect, and from requestAnimationFrame during a gesture).
 *
 * Each lane is drawn from its groups (`groupLane`, the same groups the SVG
 * renderer makes): a group of one step is drawn as the SVG draws a step (a
 * bar, hatched while waiting for the lock, a dotted line for a sleep, a
 * diamond for an instant, its name when it fits); a merged group is a faint
 * band with its steps merged per pixel inside it (`forEachSpan`), so the
 * work per frame is bounded by the width, not by the steps. The groups of
 * the last frame are kept for hit testing.
 */
import type { Lane, StepRow } from '../../model';
import { DEFAULT_CULL } from '../../view/cull';
import { createLaneGroups, forEachSpan, groupAt, groupLane, type LaneGroups, pxMapOf, type PxMap } from '../../view/lane-groups';
import type { LaneRow, TimelineLayout } from '../../view/lane-layout';
import type { TimelineTarget } from '../../view/scene';
import type { Domain } from '../../view/time-domain';
import { timeTicks } from '../../view/time-format';
import type { TimelineModel } from '../../view/timeline-model';
import { LANE_COLOR } from '../theme';
import { barText, MIN_BAR_PX, SEPARATE_PX, TEXT_PX, widen } from './bar-style';

/** Axis labels need about this much room each (as the SVG chart's axis). */
export const PX_PER_TICK = 110;

/** The page's colours (styles.css, timeline.css), read once from the CSS variables where there is one. */
interface Palette {
  readonly ink: string;
  readonly line: string;
  readonly panel: string;
  readonly row: string;
  readonly rowOdd: string;
  readonly stripBg: string;
  readonly font: string;
}

function paletteOf(element: Element): Palette {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: v('--ink', '#1f2933'),
    line: v('--line', '#d9dee4'),
    panel: v('--panel', '#ffffff'),
    row: '#ffffff',
    rowOdd: '#f8f9fb',
    stripBg: '#f4f6f9',
    font: style.fontFamily || 'sans-serif',
  };
}

export interface StepFrame {
  readonly model: TimelineModel;
  readonly layout: TimelineLayout;
  readonly domain: Domain;
}

export interface StepPainter {
  /** Size the canvas for `layout` at `dpr` and draw `frame`. */
  draw(canvas: HTMLCanvasElement, frame: StepFrame, dpr: number): void;
  /** The step or merged group at (x, y) in the frame last drawn, or null. */
  hit(x: number, y: number, tolerance: number): TimelineTarget | null;
}

/** One hatch pattern per lane colour: "waits for the lock", as the SVG's pattern. */
function hatchFor(ctx: CanvasRenderingContext2D, color: string, cache: Map<string, CanvasPattern | null>): CanvasPattern | null {
  if (cache.has(color)) return cache.get(color)!;
  const tile = document.createElement('canvas');
  tile.width = 5;
  tile.height = 5;
  const t = tile.getContext('2d');
  let pattern: CanvasPattern | null = null;
  if (t) {
    t.fillStyle = color;
    t.globalAlpha = 0.12;
    t.fillRect(0, 0, 5, 5);
    t.globalAlpha = 1;
    t.fillRect(0, 0, 1, 5);
    pattern = ctx.createPattern(tile, 'repeat');
    pattern?.setTransform(new DOMMatrix().rotate(45));
  }
  cache.set(color, pattern);
  return pattern;
}

interface LaneState {
  readonly lane: Lane;
  readonly row: LaneRow;
  readonly steps: LaneGroups;
}

export function createStepPainter(): StepPainter {
  const hatches = new Map<string, CanvasPattern | null>();
  const lockGroups = createLaneGroups();
  const laneGroups = new Map<Lane, LaneGroups>();
  let drawn: { frame: StepFrame; lanes: LaneState[] } | null = null;
  let palette: Palette | null = null;

  const groupsOf = (lane: Lane): LaneGroups => {
    let groups = laneGroups.get(lane);
    if (!groups) {
      groups = createLaneGroups();
      laneGroups.set(lane, groups);
    }
    return groups;
  };

  function drawBackground(ctx: CanvasRenderingContext2D, frame: StepFrame, p: Palette): void {
    const { layout, domain, model } = frame;
    layout.lanes.forEach((row, i) => {
      ctx.fillStyle = i % 2 ? p.rowOdd : p.row;
      ctx.fillRect(0, row.top, layout.width, row.height);
    });
    ctx.fillStyle = p.stripBg;
    ctx.fillRect(0, layout.strip.top, layout.width, layout.strip.bottom - layout.strip.top);
    const map = pxMapOf(domain, [layout.plot.left, layout.plot.right]);
    const ticks = timeTicks(domain, Math.max(2, Math.floor((layout.plot.right - layout.plot.left) / PX_PER_TICK)), model.clock);
    ctx.strokeStyle = p.line;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(layout.gutter + 0.5, layout.axis.bottom);
    ctx.lineTo(layout.gutter + 0.5, layout.strip.bottom);
    ctx.stroke();
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    for (const t of ticks.values) {
      const x = Math.round(t * map.k + map.b) + 0.5;
      ctx.moveTo(x, layout.axis.bottom);
      ctx.lineTo(x, layout.strip.bottom);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  function drawStep(ctx: CanvasRenderingContext2D, step: StepRow, x0: number, x1: number, row: LaneRow, p: Palette): void {
    const color = LANE_COLOR[step.thread];
    const mid = row.barTop + row.barHeight / 2;
    if (step.start === step.end) {
      const r = row.barHeight / 2;
      ctx.beginPath();
      ctx.moveTo(x0, mid - r);
      ctx.lineTo(x0 + r, mid);
      ctx.lineTo(x0, mid + r);
      ctx.lineTo(x0 - r, mid);
      ctx.closePath();
      ctx.fillStyle = color;
      ctx.fill();
      ctx.strokeStyle = p.ink;
      ctx.lineWidth = 1;
      ctx.stroke();
    } else if (step.sleep) {
      const { x, width } = widen(x0, x1, MIN_BAR_PX);
      ctx.strokeStyle = color;
      ctx.lineCap = 'round';
      ctx.lineWidth = 2;
      ctx.setLineDash([1, 4]);
      ctx.beginPath();
      ctx.moveTo(x, mid);
      ctx.lineTo(x + width, mid);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineCap = 'butt';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (const end of [x, x + width]) {
        ctx.moveTo(end, mid - 3);
        ctx.lineTo(end, mid + 3);
      }
      ctx.stroke();
    } else {
      const { x, width } = widen(x0, x1, MIN_BAR_PX);
      const waited = step.lock === 'waited';
      ctx.fillStyle = waited ? (hatchFor(ctx, color, hatches) ?? color) : color;
      ctx.fillRect(x, row.barTop, width, row.barHeight);
      ctx.strokeStyle = waited || width < SEPARATE_PX ? color : p.panel;
      ctx.lineWidth = 1;
      ctx.strokeRect(x, row.barTop, width, row.barHeight);
    }
    if (step.kind) {
      ctx.strokeStyle = p.ink;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x1, row.barTop - 4);
      ctx.lineTo(x1, row.barTop);
      ctx.stroke();
    }
    const text = step.start === step.end ? null : barText(step, x1 - x0);
    if (text) {
      ctx.font = `${TEXT_PX}px ${p.font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.strokeText(text, (x0 + x1) / 2, mid);
      ctx.fillStyle = p.ink;
      ctx.fillText(text, (x0 + x1) / 2, mid);
    }
  }

  function drawLane(ctx: CanvasRenderingContext2D, frame: StepFrame, row: LaneRow, map: PxMap, dpr: number, p: Palette): LaneGroups {
    const { model, layout, domain } = frame;
    const index = model.laneIndex.get(row.lane);
    const steps = groupsOf(row.lane);
    steps.size = 0;
    if (!index) return steps;
    const clip = [layout.plot.left, layout.plot.right] as const;
    // Lock bands: merged per pixel, solid ink as in the SVG.
    const locks = groupLane(index.locks, domain, map, { ...DEFAULT_CULL, clip }, lockGroups);
    ctx.fillStyle = p.ink;
    ctx.globalAlpha = 0.72;
    for (let g = 0; g < locks.size; g++) {
      forEachSpan(index.locks, locks.first[g]!, locks.last[g]!, map, clip, 0.5 / dpr, 1, (x0, x1) => ctx.fillRect(x0, row.bandTop, x1 - x0, row.bandHeight));
    }
    ctx.globalAlpha = 1;
    const violated = (id: number): boolean => model.violationsByStep.has(id);
    groupLane(index.steps, domain, map, { ...DEFAULT_CULL, clip, keep: violated }, steps);
    const color = LANE_COLOR[row.lane];
    for (let g = 0; g < steps.size; g++) {
      if (steps.count[g] === 1) {
        const step = model.trace.steps[index.steps.ids[steps.first[g]!]!];
        if (step) drawStep(ctx, step, steps.x0[g]!, steps.x1[g]!, row, p);
        continue;
      }
      // A merged group: a faint band over its span, and its steps merged per pixel inside it.
      const { x, width } = widen(steps.x0[g]!, steps.x1[g]!, MIN_BAR_PX);
      ctx.fillStyle = color;
      ctx.globalAlpha = 0.22;
      ctx.fillRect(x, row.barTop, width, row.barHeight);
      ctx.globalAlpha = 0.9;
      forEachSpan(index.steps, steps.first[g]!, steps.last[g]!, map, clip, 0.5 / dpr, 1, (x0, x1) => ctx.fillRect(x0, row.barTop + 2, x1 - x0, row.barHeight - 4));
      ctx.globalAlpha = 1;
    }
    return steps;
  }

  return {
    draw(canvas, frame, dpr) {
      const { layout } = frame;
      const width = Math.max(1, Math.round(layout.width * dpr));
      const height = Math.max(1, Math.round(layout.height * dpr));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      palette ??= paletteOf(canvas);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, layout.width, layout.height);
      drawBackground(ctx, frame, palette);
      ctx.save();
      // The plot's clip, as the SVG's: bars never spill into the lane labels.
      ctx.beginPath();
      ctx.rect(layout.gutter + 1, 0, layout.width - layout.gutter - 1, layout.height);
      ctx.clip();
      const map = pxMapOf(frame.domain, [layout.plot.left, layout.plot.right]);
      const lanes = layout.lanes.map((row) => ({ lane: row.lane, row, steps: drawLane(ctx, frame, row, map, dpr, palette!) }));
      ctx.restore();
      drawn = { frame, lanes };
    },
    hit(x, y, tolerance) {
      if (!drawn) return null;
      const lane = drawn.lanes.find(({ row }) => y >= row.barTop - 2 && y <= row.bandTop + row.bandHeight + 1);
      const index = lane ? drawn.frame.model.laneIndex.get(lane.lane) : undefined;
      if (!lane || !index) return null;
      const g = groupAt(lane.steps, x, tolerance);
      if (g < 0) return null;
      const { steps } = lane;
      const first = index.steps.ids[steps.first[g]!]!;
      if (steps.count[g] === 1) return { type: 'step', index: first };
      return { type: 'cluster', first, last: index.steps.ids[steps.last[g]!]!, count: steps.count[g]!, start: steps.start[g]!, end: steps.end[g]! };
    },
  };
}
