/**
 * The words in each lane's label row: what the marked steps are
 * ("snapshot 1", "host=host2", "'done'"), "invariant broken" beside a ⚠
 * badge, and what each race link means ("S2 read 941 ms after 'done' ✗").
 * One placement per row (src/view/label-placement), so none overlap; what
 * does not fit is left to the tooltip.
 */
import type { ScaleLinear } from 'd3-scale';
import { memo, useMemo } from 'react';
import { estimateTextWidth, type LabelRequest, type PlacedLabel, placeLabelRows, type RowsRequest } from '../../view/label-placement';
import type { TimelineLayout } from '../../view/lane-layout';
import type { LaneScene, TimelineScene } from '../../view/scene';
import type { TimelineModel } from '../../view/timeline-model';
import { STATUS_COLOR } from '../theme';
import { kindText } from './kind-labels';
import { linkGeometry, visibleLinks } from '../../view/link-geometry';
import { linkTexts } from './RaceLinks';

const FONT_PX = 10;
/** Below the snapshots and the writes they race with: those explain the bug, the badge already flags the damage. */
const VIOLATION_PRIORITY = 6.5;
/** Below the names of the reads and writes they join (those stay put), above the violation words. */
const LINK_PRIORITY = 6.8;
const MAJOR = 7;
const MAJOR_ANCHORS = ['end', 'start', 'middle'] as const;
const MINOR_ANCHORS = ['end'] as const;
/** The ⚠ badge sits just right of a violated step's end. */
const BADGE_ROOM = 12;

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
  readonly layout: TimelineLayout;
  readonly scale: ScaleLinear<number, number>;
}

type Tone = 'kind' | 'violation' | 'stale' | 'ok' | 'harmless';

const variant = (text: string) => ({ text, width: estimateTextWidth(text, FONT_PX) });

function stepRequests(model: TimelineModel, lane: LaneScene, tones: Map<string, Tone>): LabelRequest[] {
  const out: LabelRequest[] = [];
  for (const item of lane.steps) {
    if (item.type !== 'single') continue;
    const step = model.trace.steps[item.id]!;
    if (model.violationsByStep.has(step.index)) {
      const id = `v${step.index}`;
      tones.set(id, 'violation');
      out.push({ id, x: item.x1 + BADGE_ROOM, priority: VIOLATION_PRIORITY, variants: [variant('invariant broken')], anchors: ['start'] });
    }
    const text = kindText(step);
    if (!text) continue;
    // Right-aligned to the step's end (its tick), so the label reads as naming the bar it ends;
    // minor ones never move to the right, where they would read as naming the next step.
    const id = `k${step.index}`;
    tones.set(id, 'kind');
    const anchors = text.priority >= MAJOR ? MAJOR_ANCHORS : MINOR_ANCHORS;
    out.push({ id, x: item.x1, priority: text.priority, variants: [variant(text.full), variant(text.short)], anchors });
  }
  return out;
}

function linkRequests(model: TimelineModel, layout: TimelineLayout, scale: Props['scale'], tones: Map<string, Tone>): LabelRequest[] {
  return visibleLinks(model.links, scale, layout.plot).map(({ link, x1, x2 }) => {
    const id = `l${link.run}-${link.which}`;
    tones.set(id, link.harmless ? 'harmless' : link.stale ? 'stale' : 'ok');
    return {
      id, x: (x1 + x2) / 2, priority: LINK_PRIORITY + (link.stale && !link.harmless ? 0.1 : 0),
      variants: linkTexts(link).map(variant), anchors: ['start', 'end'],
    };
  });
}

function LaneLabels({ labels, baseline, tones }: { labels: readonly PlacedLabel[]; baseline: number; tones: Map<string, Tone> }) {
  return (
    <>
      {labels.map((label) => {
        const tone = tones.get(label.id) ?? 'kind';
        const fill = tone === 'stale' || tone === 'violation' ? STATUS_COLOR.lost : tone === 'ok' ? STATUS_COLOR.kept : undefined;
        // 'harmless' keeps the default ink: a stale read that did no damage.
        return (
          <text key={label.id} className={`tl-kind-label tl-label-${tone}`} x={label.x} y={baseline} textAnchor={label.anchor} fill={fill}>
            {label.text}
          </text>
        );
      })}
    </>
  );
}

export const KindLabels = memo(function KindLabels({ model, scene, layout, scale }: Props) {
  const { placed, tones } = useMemo(() => {
    const toneOf = new Map<string, Tone>();
    const requests: RowsRequest[] = scene.lanes.flatMap((lane, i) => stepRequests(model, lane, toneOf).map((request) => ({ request, rows: [i] })));
    // A link's words go where the row has room: across the lane its curve crosses, else beside a write or a read.
    const linkRows = linkGeometry(layout)?.labelLanes ?? [];
    for (const request of linkRequests(model, layout, scale, toneOf)) requests.push({ request, rows: linkRows });
    const rows = placeLabelRows(scene.lanes.length, requests, [layout.plot.left - 8, layout.width - 2]);
    return { placed: rows, tones: toneOf };
  }, [model, scene, layout, scale]);
  return (
    <g className="tl-kind-labels" aria-hidden="true">
      {scene.lanes.map((lane, i) => (
        <LaneLabels key={lane.row.lane} labels={placed[i] ?? []} baseline={lane.row.labelBaseline} tones={tones} />
      ))}
    </g>
  );
});
