/**
 * A usage race's picture: each host's `compute_nodes.vcpus_used` over time,
 * one row per host, every segment labelled with its value. From the moment
 * the verdict is read (the operation finished), a segment that differs
 * from what the Nova test expects is red, one that matches green; a
 * periodic that restores the counters turns the row green again.
 */
import { memo } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';
import type { TimelineScene } from '../../view/scene';
import type { TimelineModel } from '../../view/timeline-model';

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
  readonly layout: TimelineLayout;
}

const BAR_H = 14;

export const UsageStrip = memo(function UsageStrip({ model, scene, layout }: Props) {
  const rows = scene.strip.usage ?? [];
  const judged = model.usage?.judged ?? null;
  const restored = model.usage?.restored ?? null;
  const top = layout.strip.rows[0]?.top ?? layout.strip.top;
  const bottom = layout.strip.bottom;
  const x = (t: number): number | null => {
    const seg = rows.flatMap((r) => r.segments).find((s) => t >= s.start && t <= s.end && s.end > s.start);
    return seg ? seg.x0 + ((t - seg.start) / (seg.end - seg.start)) * (seg.x1 - seg.x0) : null;
  };
  const judgedX = judged ? x(judged.time) : null;
  const restoredX = restored ? x(restored.time) : null;
  return (
    <g className="tl-strip tl-usage-strip" data-testid="timeline-strip">
      {layout.strip.rows.map((row) => {
        const usage = rows.find((r) => r.host === row.key);
        if (!usage) return null;
        return (
          <g key={row.key} data-testid={`usage-row-${row.key}`}>
            {usage.segments.map((seg) => {
              const width = Math.max(1, seg.x1 - seg.x0);
              const state = seg.wrong ? 'wrong' : seg.right ? 'right' : 'during';
              return (
                <g key={`${seg.start}-${seg.end}`} data-testid="usage-segment" data-value={seg.value} data-state={state} data-start={seg.start} data-end={seg.end}>
                  <rect className={`tl-usage-seg tl-usage-${state}`} x={seg.x0} y={row.mid - BAR_H / 2} width={width} height={BAR_H} />
                  {width > 16 ? (
                    <text className={`tl-usage-value tl-usage-value-${state}`} x={seg.x0 + 4} y={row.mid} dominantBaseline="central">
                      {state === 'wrong' ? `✗ ${seg.value}` : seg.value}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
      {judgedX !== null ? <line className="tl-usage-judged" x1={judgedX} x2={judgedX} y1={top} y2={bottom} data-testid="usage-judged" /> : null}
      {restoredX !== null ? <line className="tl-usage-restored" x1={restoredX} x2={restoredX} y1={top} y2={bottom} data-testid="usage-restored" /> : null}
    </g>
  );
});
