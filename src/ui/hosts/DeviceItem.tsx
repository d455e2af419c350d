/**
 * One PCI device (a PF with its VFs nested) in the visual language of the
 * debugger: outline = available, amber = claimed, owner's colour = allocated,
 * grey = unavailable, red = freed while a guest still uses it. The chip
 * always says the status in words.
 */
import type { CSSProperties } from 'react';
import { INSTANCE_COLOR, STATUS_COLOR } from '../theme';
import { ChangedMark } from './ChangedMark';
import { type DeviceView, lookLabel, lookText, statusWithOwner } from './device-view';
import { readableInk } from './ink';

const FALLBACK_OWNER = '#6b7785';

function chipStyle(d: DeviceView): CSSProperties | undefined {
  switch (d.look) {
    case 'claimed':
      return { background: STATUS_COLOR.claimed, color: readableInk(STATUS_COLOR.claimed) };
    case 'allocated': {
      const colour = (d.owner && INSTANCE_COLOR[d.owner]) || FALLBACK_OWNER;
      return { background: colour, color: readableInk(colour) };
    }
    case 'unavailable':
      return { background: STATUS_COLOR.unavailable, color: readableInk(STATUS_COLOR.unavailable) };
    default:
      return undefined; // available: outline; lost/conflict: styled by class
  }
}

/** The whole device in one sentence, for the row's tooltip. */
function rowTitle(d: DeviceView): string {
  const parts = [`${d.type} ${d.address}`, `physnet ${d.physnet}`, `tracker: ${statusWithOwner(d.status, d.owner)}`];
  if (d.dbDiffers) parts.push(`database row: ${statusWithOwner(d.dbStatus, d.dbOwner)}`);
  if (d.usedBy.length > 0) parts.push(`used by the guest ${d.usedBy.join(' and ')}`);
  if (d.ports.length > 0) parts.push(`Neutron binding:profile pci_slot of ${d.ports.map((p) => p.id).join(' and ')}`);
  return parts.join(', ');
}

/** Why a device is red, with a way to the step that freed it. */
function Reason({ text, freedAt, onJump }: { text: string; freedAt: number | null; onJump: ((step: number) => void) | null }) {
  return (
    <p className="dev-reason" data-testid="freed-reason">
      <span aria-hidden="true">⚠ </span>
      {text}{' '}
      {freedAt !== null && onJump && (
        <button type="button" className="link-button" onClick={() => onJump(freedAt)}>
          go to step {freedAt + 1}
        </button>
      )}
    </p>
  );
}

interface Props {
  readonly device: DeviceView;
  /** The selected step: no "go to" link to the step already shown. */
  readonly cursor: number;
  readonly onJump: (step: number) => void;
}

export function DeviceItem({ device: d, cursor, onJump }: Props) {
  const damaged = d.look === 'lost' || d.look === 'conflict';
  return (
    <li
      className={`dev dev-${d.look}`}
      data-address={d.address}
      data-status={d.status}
      data-owner={d.owner ?? ''}
      data-db-status={d.dbStatus ?? ''}
      data-look={d.look}
    >
      <div className={`dev-row${d.changed ? ' chg' : ''}`} title={rowTitle(d)}>
        <span className="dev-type">{d.type}</span>
        <span className="dev-addr">{d.address}</span>
        {d.changed && <ChangedMark what={d.address} />}
        <span className="dev-chip" style={chipStyle(d)} data-testid="device-status">
          <span aria-hidden="true">{lookText(d)}</span>
          <span className="visually-hidden">{lookLabel(d)}</span>
        </span>
      </div>
      {d.dbDiffers && (
        <div className="dev-db" data-testid="db-differs">
          <span aria-hidden="true">≠ </span>DB row: {statusWithOwner(d.dbStatus, d.dbOwner)}
        </div>
      )}
      {d.ports.length > 0 && (
        <div className={`dev-ports${d.ports.length > 1 ? ' dev-ports-clash' : ''}`} data-testid="device-ports">
          {d.ports.length > 1 && <span aria-hidden="true">⚠ </span>}
          {d.ports.length > 1 ? `${d.ports.length} ports say pci_slot ${d.address}: ` : 'port: '}
          {d.ports.map((p) => `${p.id} (${p.instanceUuid})`).join(', ')}
        </div>
      )}
      {damaged && d.reason && (
        <Reason text={d.reason.text} freedAt={d.reason.freedAt} onJump={d.reason.freedAt === cursor ? null : onJump} />
      )}
      {d.children.length > 0 && (
        <ul className="dev-children" aria-label={`virtual functions of ${d.address}`}>
          {d.children.map((child) => (
            <DeviceItem key={child.address} device={child} cursor={cursor} onJump={onJump} />
          ))}
        </ul>
      )}
    </li>
  );
}
