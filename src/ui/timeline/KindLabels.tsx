/**
 * The words in each lane's label row: what the marked steps are
 * ("snapshot 1", "host=host2", "'done'") and "invariant broken" beside a ⚠
 * badge. Marks that fall within a few pixels of each other share one label
 * that names them in order ("snapshot 2 → clean_usage → PCI freed"), so the
 * end of the race stays readable at any zoom. One placement per row
 * (src/view/label-placement), so none overlap; what does not fit is left to
 * the tooltip. What the race links mean is said on the strip, beside host2's
 * snapshots, not here.
 */
import { memo, useMemo } from 'react';
import { burstsOf } from '../../view/label-bursts';
import { estimateTextWidth, type LabelRequest, type PlacedLabel, placeLabelRows, type RowsRequest } from '../../view/label-placement';
import type { TimelineLayout } from '../../view/lane-layout';
import type { LaneScene, TimelineScene } from '../../view/scene';
import type { TimelineModel } from '../../view/timeline-model';
import { STATUS_COLOR } from '../theme';
import { kindText } from './kind-labels';

const FONT_PX = 10;
/** Below the snapshots and the writes they race with: those explain the bug, the badge already flags the damage. */
const VIOLATION_PRIORITY = 6.5;
const MAJOR = 7;
const MAJOR_ANCHORS = ['end', 'start', 'middle'] as const;
const MINOR_ANCHORS = ['end'] as const;
/** The ⚠ badge sits just right of a violated step's end. */
const BADGE_ROOM = 12;
/** Marks closer than this share a label. */
const BURST_PX = 10;
/** Violated steps closer than this share one badge. */
export const BADGE_GROUP_PX = 14;

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
  readonly layout: TimelineLayout;
}

type Tone = 'kind' | 'violation';

const variant = (text: string) => ({ text, width: estimateTextWidth(text, FONT_PX) });

interface Mark {
  readonly x: number;
  readonly index: number;
}

function laneRequests(model: TimelineModel, lane: LaneScene, tones: Map<string, Tone>): LabelRequest[] {
  const named: (Mark & { text: string; priority: number })[] = [];
  const violated: Mark[] = [];
  for (const item of lane.steps) {
    if (item.type !== 'single') continue;
    const step = model.trace.steps[item.id]!;
    if (model.violationsByStep.has(step.index)) violated.push({ x: item.x1, index: step.index });
    const text = kindText(step);
    if (text) named.push({ x: item.x1, index: step.index, ...text });
  }
  const out: LabelRequest[] = [];
  for (const burst of burstsOf(violated, BADGE_GROUP_PX)) {
    const id = `v${burst[0]!.index}`;
    tones.set(id, 'violation');
    out.push({ id, x: burst[burst.length - 1]!.x + BADGE_ROOM, priority: VIOLATION_PRIORITY, variants: [variant('invariant broken')], anchors: ['start'] });
  }
  for (const burst of burstsOf(named, BURST_PX)) {
    // Right-aligned to the last mark's end (its tick), so the words read as naming the bars they end;
    // minor ones never move to the right, where they would read as naming the next step.
    const id = `k${burst[0]!.index}`;
    tones.set(id, 'kind');
    const priority = Math.max(...burst.map((m) => m.priority));
    const text = burst.map((m) => m.text).join(' → ');
    out.push({ id, x: burst[burst.length - 1]!.x, priority, variants: [variant(text)], anchors: priority >= MAJOR ? MAJOR_ANCHORS : MINOR_ANCHORS });
  }
  return out;
}

function LaneLabels({ labels, baseline, tones }: { labels: readonly PlacedLabel[]; baseline: number; tones: Map<string, Tone> }) {
  return (
    <>
      {labels.map((label) => {
        const tone = tones.get(label.id) ?? 'kind';
        return (
          <text
            key={label.id}
            className={`tl-kind-label tl-label-${tone}`}
            data-testid="timeline-kind-label"
            x={label.x}
            y={baseline}
            textAnchor={label.anchor}
            fill={tone === 'violation' ? STATUS_COLOR.lost : undefined}
          >
            {label.text}
          </text>
        );
      })}
    </>
  );
}

export const KindLabels = memo(function KindLabels({ model, scene, layout }: Props) {
  const { placed, tones } = useMemo(() => {
    const toneOf = new Map<string, Tone>();
    const requests: RowsRequest[] = scene.lanes.flatMap((lane, i) => laneRequests(model, lane, toneOf).map((request) => ({ request, rows: [i] })));
    return { placed: placeLabelRows(scene.lanes.length, requests, [layout.plot.left - 8, layout.width - 2]), tones: toneOf };
  }, [model, scene, layout]);
  return (
    <g className="tl-kind-labels" aria-hidden="true">
      {scene.lanes.map((lane, i) => (
        <g key={lane.row.lane} data-lane={lane.row.lane}>
          <LaneLabels labels={placed[i] ?? []} baseline={lane.row.labelBaseline} tones={tones} />
        </g>
      ))}
    </g>
  );
});
