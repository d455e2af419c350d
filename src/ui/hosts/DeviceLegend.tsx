/**
 * What the device colours mean, in the chips' own style, so a first-time
 * reader does not have to guess.
 */
import type { Ref } from 'react';
import { EVACUEE } from '../../model';
import { INSTANCE_COLOR, STATUS_COLOR } from '../theme';
import { ChangedMark } from './ChangedMark';
import { readableInk } from './ink';

const OWNER = INSTANCE_COLOR[EVACUEE] ?? '#6b7785';

export function DeviceLegend({ ref }: { ref?: Ref<HTMLElement> }) {
  return (
    <footer ref={ref} className="dev-legend" aria-label="Legend of device statuses">
      <span className="dev-available">
        <span className="dev-chip legend-chip">available</span>
      </span>
      <span>
        <span className="dev-chip legend-chip" style={{ background: STATUS_COLOR.claimed, color: readableInk(STATUS_COLOR.claimed) }}>
          claimed · X
        </span>
      </span>
      <span>
        <span className="dev-chip legend-chip" style={{ background: OWNER, color: readableInk(OWNER) }}>
          {EVACUEE}
        </span>{' '}
        allocated (owner)
      </span>
      <span>
        <span className="dev-chip legend-chip" style={{ background: STATUS_COLOR.unavailable, color: readableInk(STATUS_COLOR.unavailable) }}>
          unavailable
        </span>{' '}
        PF of a used VF
      </span>
      <span className="dev-lost">
        <span className="dev-chip legend-chip">⚠ available</span> freed (or given away) while a guest uses it
      </span>
      <span>
        <ChangedMark /> changed at this step · ≠ DB row differs from the tracker
      </span>
    </footer>
  );
}
