/**
 * The timeline for a picture: the same geometry as the app's timeline
 * (src/view: lane layout, time scale and ticks, culling, label placement,
 * race links, the visibility strip), drawn as SVG text for the whole trace.
 */
import { scaleLinear } from 'd3-scale';
import type { RaceLink, SnapshotStatus } from '../model/race';
import type { Lane, StepKind, Trace, StepRow } from '../model/types';
import { EVACUEE } from '../model/world';
import type { Culled } from '../view/cull';
import { estimateTextWidth, type LabelRequest, placeLabelRows, placeLabels, type RowsRequest } from '../view/label-placement';
import { isVisibilityKey, layoutTimeline, type LaneRow, type TimelineLayout } from '../view/lane-layout';
import { linkGeometry, visibleLinks } from '../view/link-geometry';
import { buildScene, type TimelineScene } from '../view/scene';
import { formatDuration, formatInterval, timeTicks } from '../view/time-format';
import { buildTimelineModel, stripKeysOf, type TimelineModel } from '../view/timeline-model';
import { HARMLESS, INK, INK_SOFT, INSTANCE_COLOR, KEPT, LANE_COLOR, LANE_LABEL, LINE, LOST, ROW_ODD, UNAVAILABLE } from './svg-palette';
import { el, text, title } from './svg-text';

export interface SvgBlock {
  readonly markup: string;
  readonly height: number;
}

type Scale = (t: number) => number;
const LANE_PX = 46;
const AXIS_PX = 22;
const STRIP_PX = 71;
const LABEL_PX = 10;
const MARK_R = 5;
const hatchId = (lane: Lane): string => `rl-hatch-${lane}`;

const KIND_TEXT: Readonly<Record<StepKind, { full: string; short: string; priority: number }>> = {
  'instance-list': { full: 'snapshot 1', short: 'S1', priority: 8 },
  'migration-list': { full: 'snapshot 2', short: 'S2', priority: 8 },
  'host-saved': { full: 'host=host2', short: 'host', priority: 7 },
  'migration-done': { full: "'done'", short: 'done', priority: 7 },
  'pci-freed': { full: 'PCI freed', short: 'freed', priority: 6 },
  'clean-usage': { full: 'clean_usage', short: 'clean', priority: 5 },
  claim: { full: 'claim', short: 'claim', priority: 5 },
  'context-dropped': { full: 'context dropped', short: 'ctx', priority: 3 },
  'migration-status': { full: 'status saved', short: 'status', priority: 7 },
  'claim-dropped': { full: 'claim dropped', short: 'drop', priority: 7 },
  'usage-saved': { full: 'usage saved', short: 'saved', priority: 4 },
};

function defs(lanes: readonly Lane[]): string {
  const patterns = lanes.map((lane) =>
    el('pattern', { id: hatchId(lane), width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      el('rect', { width: 5, height: 5, fill: LANE_COLOR[lane], 'fill-opacity': 0.12 }) +
      el('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: LANE_COLOR[lane], 'stroke-width': 2 })),
  );
  return el('defs', {}, patterns.join(''));
}

function rowsAndAxis(layout: TimelineLayout, scale: Scale, ticks: ReturnType<typeof timeTicks>, caption: string): string {
  const rows = layout.lanes.map((row, i) =>
    el('rect', { x: 0, y: row.top, width: layout.width, height: row.height, fill: i % 2 ? ROW_ODD : '#fff' }) +
    el('rect', { x: 10, y: row.barTop + 1, width: 10, height: row.barHeight - 2, rx: 2, fill: LANE_COLOR[row.lane] }) +
    text({ x: 26, y: row.barTop + row.barHeight / 2 + 4, 'font-size': 12, fill: INK }, LANE_LABEL[row.lane]),
  );
  const gridBottom = layout.strip.bottom;
  const grid = ticks.values.map((t, i) => {
    const x = scale(t);
    const half = estimateTextWidth(ticks.labels[i] ?? '', LABEL_PX) / 2;
    const anchor = x - half < layout.gutter + 2 ? 'start' : x + half > layout.width - 2 ? 'end' : 'middle';
    return (
      el('line', { x1: x, x2: x, y1: layout.axis.bottom - 4, y2: gridBottom, stroke: LINE }) +
      text({ x, y: layout.axis.bottom - 7, 'font-size': LABEL_PX, fill: INK_SOFT, 'text-anchor': anchor }, ticks.labels[i] ?? '')
    );
  });
  return [
    ...rows,
    el('rect', { x: 0, y: layout.strip.top, width: layout.width, height: layout.strip.bottom - layout.strip.top, fill: '#fbfbfc' }),
    el('line', { x1: layout.gutter, x2: layout.gutter, y1: layout.axis.bottom, y2: gridBottom, stroke: LINE }),
    el('line', { x1: layout.gutter, x2: layout.width, y1: layout.axis.bottom, y2: layout.axis.bottom, stroke: LINE }),
    text({ x: 10, y: layout.axis.bottom - 8, 'font-size': LABEL_PX, fill: INK_SOFT }, caption),
    ...grid,
  ].join('');
}

function widen(x0: number, x1: number, min: number): { x: number; width: number } {
  const width = Math.max(x1 - x0, min);
  return { x: (x0 + x1) / 2 - width / 2, width };
}

function stepShape(step: StepRow, x0: number, x1: number, row: LaneRow): string {
  const color = LANE_COLOR[step.thread];
  const mid = row.barTop + row.barHeight / 2;
  if (step.start === step.end) {
    const r = row.barHeight / 2;
    return el('path', { d: `M${x0},${mid - r}l${r},${r}l${-r},${r}l${-r},${-r}z`, fill: color });
  }
  const { x, width } = widen(x0, x1, 2);
  if (step.sleep) {
    return el('line', { x1: x, x2: x + width, y1: mid, y2: mid, stroke: color, 'stroke-width': 2, 'stroke-dasharray': '1 4', 'stroke-linecap': 'round' }) +
      el('line', { x1: x, x2: x, y1: mid - 3, y2: mid + 3, stroke: color, 'stroke-width': 1.5 }) +
      el('line', { x1: x + width, x2: x + width, y1: mid - 3, y2: mid + 3, stroke: color, 'stroke-width': 1.5 });
  }
  const waited = step.lock === 'waited';
  return el('rect', {
    x, y: row.barTop, width, height: row.barHeight,
    fill: waited ? `url(#${hatchId(step.thread)})` : color, stroke: waited || width < 4 ? color : '#fff', 'stroke-width': 1,
  });
}

function violationMark(x0: number, x1: number, row: LaneRow): string {
  const { x, width } = widen(x0, x1, 2);
  const bx = x + width + 5;
  const by = row.barTop - 3;
  return el('rect', { x: x - 2, y: row.barTop - 2, width: width + 4, height: row.barHeight + 4, fill: 'none', stroke: LOST, 'stroke-width': 2 }) +
    el('path', { d: `M${bx},${by - 6}l6.5,11.5h-13z`, fill: LOST }) +
    text({ x: bx, y: by + 4, 'font-size': 9, 'font-weight': 700, fill: '#fff', 'text-anchor': 'middle' }, '!');
}

function stepText(step: StepRow, x0: number, x1: number, row: LaneRow): string {
  const words = step.sleep ? `sleep ${formatDuration(step.end - step.start)}` : step.name;
  if (x1 - x0 < estimateTextWidth(words, LABEL_PX) + 8) return '';
  return text({ x: (x0 + x1) / 2, y: row.barTop + row.barHeight / 2 + 3.5, 'font-size': LABEL_PX, fill: INK, 'text-anchor': 'middle', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, words);
}

function laneSteps(model: TimelineModel, scene: TimelineScene): string {
  return scene.lanes.map(({ row, steps, locks }) => {
    const bands = locks.map((item) => {
      const { x, width } = widen(item.x0, item.x1, 1);
      return el('rect', { x, y: row.bandTop, width, height: row.bandHeight, fill: INK, 'fill-opacity': 0.72 });
    });
    const marks = steps.map((item: Culled) => {
      if (item.type === 'cluster') {
        const { x, width } = widen(item.x0, item.x1, 2);
        return el('g', {}, title(`${item.count} steps, ${formatInterval(item.start, item.end)}`) +
          el('rect', { x, y: row.barTop, width, height: row.barHeight, fill: LANE_COLOR[row.lane] }));
      }
      const step = model.trace.steps[item.id]!;
      const tick = step.kind ? el('line', { x1: item.x1, x2: item.x1, y1: row.barTop - 4, y2: row.barTop, stroke: INK, 'stroke-width': 1.5 }) : '';
      const broken = model.violationsByStep.has(step.index) ? violationMark(item.x0, item.x1, row) : '';
      const name = `${step.name} (${LANE_LABEL[step.thread]}, ${formatInterval(step.start, step.end)})`;
      return el('g', { 'data-step': step.index }, title(name) + stepShape(step, item.x0, item.x1, row) + tick + stepText(step, item.x0, item.x1, row) + broken);
    });
    return el('g', { 'data-lane': row.lane }, bands.join('') + marks.join(''));
  }).join('');
}

function linkWords(link: RaceLink): readonly [string, string] {
  const gap = formatDuration(Math.abs(link.writeTime - link.readTime));
  if (link.which === 1) {
    if (link.harmless) return [`S1 read ${gap} before host=host2 (harmless: S2 saw the migration)`, `S1 ${gap} early, harmless`];
    return link.stale ? [`S1 read ${gap} before host=host2 ✗`, `S1 ✗ ${gap} early`] : ['S1 read after host=host2 ✓', 'S1 ✓'];
  }
  if (link.harmless) return [`S2 read ${gap} after 'done' (harmless: S1 listed the instance)`, `S2 ${gap} late, harmless`];
  return link.stale ? [`S2 read ${gap} after 'done' ✗`, `S2 ✗ ${gap} late`] : [`S2 read before 'done' ✓`, 'S2 ✓'];
}

const linkColor = (link: RaceLink): string => (link.harmless ? HARMLESS : link.stale ? LOST : KEPT);

function raceLinks(model: TimelineModel, layout: TimelineLayout, scale: Scale): string {
  const geometry = linkGeometry(layout);
  if (!geometry) return '';
  const { readY, writeY } = geometry;
  const midY = (readY + writeY) / 2;
  return visibleLinks(model.links, scale, layout.plot).map(({ link, x1, x2 }) => {
    const color = linkColor(link);
    return el('path', { d: `M${x1},${readY}C${x1},${midY} ${x2},${midY} ${x2},${writeY}`, fill: 'none', stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': link.stale ? '5 3' : null }) +
      el('circle', { cx: x1, cy: readY, r: 2.5, fill: color }) + el('circle', { cx: x2, cy: writeY, r: 2.5, fill: color });
  }).join('');
}

const variant = (words: string) => ({ text: words, width: estimateTextWidth(words, LABEL_PX) });

/** The words over the lanes: what the marked steps are, broken invariants, and what each link means. */
function laneLabels(model: TimelineModel, scene: TimelineScene, layout: TimelineLayout, scale: Scale): string {
  const colors = new Map<string, string>();
  const requests: RowsRequest[] = scene.lanes.flatMap(({ steps }, i) => steps.flatMap((item): RowsRequest[] => {
    if (item.type !== 'single') return [];
    const step = model.trace.steps[item.id]!;
    const out: RowsRequest[] = [];
    if (model.violationsByStep.has(step.index)) {
      colors.set(`v${step.index}`, LOST);
      out.push({ rows: [i], request: { id: `v${step.index}`, x: item.x1 + 12, priority: 6.5, variants: [variant('invariant broken')], anchors: ['start'] } });
    }
    const kind = step.kind ? KIND_TEXT[step.kind] : null;
    if (kind) {
      const full = step.kind === 'host-saved' && step.host ? `host=${step.host}` : kind.full;
      const anchors = kind.priority >= 7 ? (['end', 'start', 'middle'] as const) : (['end'] as const);
      out.push({ rows: [i], request: { id: `k${step.index}`, x: item.x1, priority: kind.priority, variants: [variant(full), variant(kind.short)], anchors } });
    }
    return out;
  }));
  const linkRows = linkGeometry(layout)?.labelLanes ?? [];
  for (const { link, x1, x2 } of visibleLinks(model.links, scale, layout.plot)) {
    const id = `l${link.run}-${link.which}`;
    colors.set(id, link.harmless ? INK_SOFT : linkColor(link));
    const request: LabelRequest = { id, x: (x1 + x2) / 2, priority: 6.8 + (link.stale && !link.harmless ? 0.1 : 0), variants: linkWords(link).map(variant), anchors: ['start', 'end'] };
    requests.push({ request, rows: linkRows });
  }
  const placed = placeLabelRows(scene.lanes.length, requests, [layout.plot.left - 8, layout.width - 2]);
  return scene.lanes.map(({ row }, i) => (placed[i] ?? []).map((label) =>
    text({ x: label.x, y: row.labelBaseline, 'font-size': LABEL_PX, 'font-weight': 600, fill: colors.get(label.id) ?? INK_SOFT, 'text-anchor': label.anchor, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, label.text),
  ).join('')).join('');
}

function markPaint(status: SnapshotStatus): { fill: string; stroke: string } {
  if (status === 'seen') return { fill: KEPT, stroke: KEPT };
  return { fill: '#fff', stroke: status === 'missed' ? LOST : UNAVAILABLE };
}

function snapshotWords(which: 1 | 2, status: SnapshotStatus): string {
  if (status === 'seen') return which === 1 ? 'snapshot 1: listed ✓' : 'snapshot 2: in progress ✓';
  if (status === 'missed') return `snapshot ${which} missed ✗`;
  return which === 1 ? 'snapshot 1: not listed yet' : 'snapshot 2: not in progress';
}

/** "What host2's periodic can see": the two bars, the snapshot marks and their words. */
function strip(model: TimelineModel, scene: TimelineScene, layout: TimelineLayout): string {
  const color = INSTANCE_COLOR[EVACUEE] ?? LANE_COLOR.evacuation;
  const out = [text({ x: 10, y: layout.strip.titleBaseline, 'font-size': 11, 'font-weight': 700, fill: INK }, `What host2's periodic can see of ${EVACUEE}`)];
  const names = { listed: 'listed on host2', 'in-progress': 'migration in progress' } as const;
  for (const row of layout.strip.rows) {
    if (!isVisibilityKey(row.key)) continue;
    out.push(text({ x: 10, y: row.mid + 4, 'font-size': 11, fill: INK }, names[row.key]));
    out.push(el('line', { x1: layout.plot.left - 6, x2: layout.plot.right + 6, y1: row.mid, y2: row.mid, stroke: INK_SOFT, 'stroke-dasharray': '2 3', 'stroke-opacity': 0.6 }));
    for (const bar of scene.strip.bars[row.key]) {
      out.push(el('rect', { x: bar.x0, y: row.mid - 4, width: Math.max(1, bar.x1 - bar.x0), height: 8, fill: color }));
    }
  }
  for (const which of [1, 2] as const) {
    const row = layout.strip.rows[which - 1]!;
    const marks = scene.strip.marks[which].flatMap((item) => {
      if (item.type !== 'single') return [];
      const run = model.runs[item.id]!;
      const snap = which === 1 ? run.first : run.second;
      return snap ? [{ id: `r${item.id}`, x: item.x0, status: snap.status }] : [];
    });
    const placed = new Map(placeLabels(marks.map((m) => ({
      id: m.id, x: m.x, priority: m.status === 'missed' ? 3 : m.status === 'seen' ? 2 : 1,
      variants: [variant(snapshotWords(which, m.status)), variant(`S${which}`)], anchors: ['start', 'end', 'middle'],
    })), [layout.plot.left - 10, layout.width - 2]).map((p) => [p.id, p]));
    for (const m of marks) {
      out.push(el('circle', { cx: m.x, cy: row.mid, r: MARK_R, ...markPaint(m.status), 'stroke-width': 2 }));
      const label = placed.get(m.id);
      const fill = m.status === 'missed' ? LOST : m.status === 'seen' ? KEPT : INK_SOFT;
      if (label) out.push(text({ x: label.x, y: row.labelBaseline, 'font-size': LABEL_PX, 'font-weight': 600, fill, 'text-anchor': label.anchor }, label.text));
    }
  }
  return out.join('');
}

/** A usage race's strip: each host's `vcpus_used` over time, red where it is wrong once the operation has finished. */
function usageStrip(scene: TimelineScene, layout: TimelineLayout): string {
  const rows = scene.strip.usage ?? [];
  const out = [text({ x: 10, y: layout.strip.titleBaseline, 'font-size': 11, 'font-weight': 700, fill: INK }, 'vcpus_used per host (compute_nodes), red where wrong after the operation')];
  for (const row of layout.strip.rows) {
    const usage = rows.find((r) => r.host === row.key);
    if (!usage) continue;
    out.push(text({ x: 10, y: row.mid + 4, 'font-size': 11, fill: INK }, `${row.key} (expects ${usage.expected})`));
    for (const seg of usage.segments) {
      const width = Math.max(1, seg.x1 - seg.x0);
      const fill = seg.wrong ? LOST : seg.right ? KEPT : '#dfe3e8';
      out.push(el('rect', { x: seg.x0, y: row.mid - 7, width, height: 14, fill, 'fill-opacity': seg.wrong || seg.right ? 0.85 : 1 }));
      if (width > 18) out.push(text({ x: seg.x0 + 4, y: row.mid + 4, 'font-size': 10, 'font-weight': 700, fill: seg.wrong || seg.right ? '#fff' : INK }, String(seg.value)));
    }
  }
  return out.join('');
}

/** A vertical line at the step the host view shows. */
function cursorLine(step: StepRow | undefined, layout: TimelineLayout, scale: Scale): string {
  if (!step) return '';
  const x = scale(step.end);
  return el('line', { x1: x, x2: x, y1: layout.axis.bottom, y2: layout.strip.bottom, stroke: INK, 'stroke-width': 1, 'stroke-dasharray': '3 2' }) +
    el('path', { d: `M${x - 5},${layout.axis.bottom - 1}h10l-5,6z`, fill: INK });
}

/**
 * The whole trace's timeline, `width` px wide, with a marker at `cursor` when given.
 *
 * @example timelineBlock(simulate(defaultScenario()), 1200, null).height // 385
 */
export function timelineBlock(trace: Trace, width: number, cursor: number | null): SvgBlock {
  const model = buildTimelineModel(trace);
  const stripKeys = stripKeysOf(model);
  const layout = layoutTimeline(model.lanes, width, AXIS_PX + model.lanes.length * LANE_PX + STRIP_PX, { stripKeys });
  const scale = scaleLinear().domain([model.extent[0], model.extent[1]]).range([layout.plot.left, layout.plot.right]);
  const toPx: Scale = (t) => scale(t);
  const scene = buildScene(model, layout, model.extent, toPx);
  const ticks = timeTicks(model.extent, Math.max(2, Math.floor((layout.plot.right - layout.plot.left) / 110)));
  const markup = [
    defs(model.lanes),
    rowsAndAxis(layout, toPx, ticks, model.axisCaption),
    laneSteps(model, scene),
    raceLinks(model, layout, toPx),
    laneLabels(model, scene, layout, toPx),
    model.usage ? usageStrip(scene, layout) : strip(model, scene, layout),
    cursor === null ? '' : cursorLine(trace.steps[cursor], layout, toPx),
  ].join('');
  return { markup: `<g class="timeline">${markup}</g>`, height: layout.height };
}

