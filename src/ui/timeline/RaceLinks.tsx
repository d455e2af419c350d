/**
 * Connectors between host2's periodic reads and the evacuation writes they
 * race with: snapshot 1 -> instance.save (host=host2), snapshot 2 ->
 * migration 'done'. Red and dashed when the read missed the write (stale),
 * grey and dashed when it missed it but the run's other read caught the
 * evacuation (harmless), green and solid when it caught it; the strip says
 * so in words beside each snapshot (`linkTiming`).
 */
import type { LinearScale } from '../../view/linear-scale';
import { memo } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';
import { linkGeometry, visibleLinks } from '../../view/link-geometry';
import type { RaceLink } from '../../model';
import type { TimelineModel } from '../../view/timeline-model';
import { STATUS_COLOR } from '../theme';

interface Props {
  readonly model: TimelineModel;
  readonly layout: TimelineLayout;
  readonly scale: LinearScale;
}

/** Red for a stale read that mattered, grey for a harmless one, green for a read in time. */
export function linkColor(link: RaceLink): string {
  if (link.harmless) return HARMLESS_COLOR;
  return link.stale ? STATUS_COLOR.lost : STATUS_COLOR.kept;
}

const HARMLESS_COLOR = '#7b8794';

export const RaceLinks = memo(function RaceLinks({ model, layout, scale }: Props) {
  const geometry = linkGeometry(layout);
  if (!geometry) return null;
  const { readY, writeY } = geometry;
  const midY = (readY + writeY) / 2;
  return (
    <g className="tl-links" aria-hidden="true">
      {visibleLinks(model.links, scale, layout.plot).map(({ link, x1, x2 }) => {
        const color = linkColor(link);
        // Vertical at both ends, so the line leaves the read past its label (which sits left of it).
        const path = `M${x1},${readY}C${x1},${midY} ${x2},${midY} ${x2},${writeY}`;
        return (
          <g
            key={`${link.run}-${link.which}`}
            data-testid="timeline-link"
            data-which={link.which}
            data-stale={link.stale ? 'true' : 'false'}
            data-harmless={link.harmless ? 'true' : 'false'}
            className={link.stale ? 'tl-link tl-link-stale' : 'tl-link'}
          >
            <path d={path} stroke={color} />
            <circle cx={x1} cy={readY} r={2.5} fill={color} />
            <circle cx={x2} cy={writeY} r={2.5} fill={color} />
          </g>
        );
      })}
    </g>
  );
});
