/**
 * Buggy and fixed side by side (stacked, on one time axis): the same
 * scenario under both variants, each with its verdict and, in words and on
 * the chart, what the other code changes. The side that is the scenario on
 * screen owns the cursor; the other only zooms and pans (the domain is
 * shared).
 */
import type { LinearScale } from '../../view/linear-scale';
import { useMemo } from 'react';
import { compareDiff } from '../../view/compare-diff';
import { compareText, usageCompareText } from '../../view/compare-text';
import type { TimelineRenderer } from '../../view/lane-groups';
import type { TimelineLayout } from '../../view/lane-layout';
import type { Domain } from '../../view/time-domain';
import type { TimelineModel } from '../../view/timeline-model';
import { outcomeTitle } from '../../view/verdict-outcome';
import { CompareOverlay, type Side } from './CompareOverlay';
import { TimelineChart } from './TimelineChart';
import { useElementSize } from './useElementSize';

interface Props {
  /** The scenario on screen and the other variant. */
  readonly primary: TimelineModel;
  readonly other: TimelineModel | null;
  /** Does the scenario on screen run the fixed code? */
  readonly primaryIsFixed: boolean;
  readonly domain: Domain;
  readonly extent: Domain;
  readonly renderer: TimelineRenderer;
}

const ICON = { lost: '✗', kept: '✓', incomplete: '–' } as const;


export function ComparePanes({ primary, other, primaryIsFixed, domain, extent, renderer }: Props) {
  // Always buggy above fixed, whichever of them is the scenario on screen.
  const buggy = primaryIsFixed ? other : primary;
  const fixed = primaryIsFixed ? primary : other;
  // #1896463's difference is where finish_evacuation runs and which host2 read changes; a usage race says its own.
  const diff = useMemo(() => (buggy && fixed && !buggy.usage ? compareDiff(buggy.trace, fixed.trace) : null), [buggy, fixed]);
  return (
    <div className="tl-compare" data-testid="compare-panes">
      <ComparePane side="buggy" model={buggy} selectable={buggy === primary} domain={domain} extent={extent} diff={diff} renderer={renderer} />
      <ComparePane side="fixed" model={fixed} selectable={fixed === primary} domain={domain} extent={extent} diff={diff} renderer={renderer} />
    </div>
  );
}

interface PaneProps {
  readonly side: Side;
  readonly model: TimelineModel | null;
  readonly selectable: boolean;
  readonly domain: Domain;
  readonly extent: Domain;
  readonly diff: ReturnType<typeof compareDiff> | null;
  readonly renderer: TimelineRenderer;
}

function ComparePane({ side, model, selectable, domain, extent, diff, renderer }: PaneProps) {
  const [bodyRef, size] = useElementSize<HTMLDivElement>();
  const outcome = model ? model.trace.verdict.verdict : null;
  const overlay = useMemo(
    () => (diff ? (layout: TimelineLayout, scale: LinearScale) => <CompareOverlay diff={diff} side={side} layout={layout} scale={scale} /> : undefined),
    [diff, side],
  );
  return (
    <div className="tl-pane" data-testid="compare-pane" data-side={side} data-verdict={outcome ?? 'pending'}>
      <p className="tl-pane-head">
        <strong>{side === 'buggy' ? 'Buggy code (fix=0)' : 'Fixed code (fix=1)'}</strong>
        {outcome ? (
          <span className={`tl-pane-verdict tl-pane-${outcome}`}>
            {ICON[outcome]} {outcomeTitle(model!.trace.verdict)}
          </span>
        ) : (
          <span className="tl-pane-verdict">Simulating…</span>
        )}
        {diff ? <span className="tl-pane-diff" data-testid="compare-diff-text">{compareText(diff, side)}</span> : null}
        {model?.usage ? <span className="tl-pane-diff" data-testid="compare-diff-text">{usageCompareText(model.trace)}</span> : null}
      </p>
      <div className="tl-pane-body" ref={bodyRef}>
        {model && size && size.width > 0 ? (
          <TimelineChart
            model={model}
            domain={domain}
            width={size.width}
            height={size.height}
            extent={extent}
            selectable={selectable}
            compact
            renderer={renderer}
            {...(overlay ? { overlay } : {})}
          />
        ) : null}
      </div>
    </div>
  );
}
