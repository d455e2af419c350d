/** Placeholder: PCI devices per host at the cursor (owned by the host-view work). */
import { HOSTS } from '../../model/types';
import { selectWorldAtCursor } from '../../state/selectors';
import { useApp } from '../store-context';

export function HostsPanel() {
  const world = useApp(selectWorldAtCursor);
  if (!world) return null;
  return (
    <>
      {HOSTS.map((host) => (
        <section key={host} className="host-panel" data-testid={`host-${host}`} aria-label={host}>
          <h2 className="panel-title">{host}</h2>
          <ul>
            {Object.values(world.hosts[host].tracker.devices).map((d) => (
              <li key={d.address} data-address={d.address} data-status={d.status} data-owner={d.instanceUuid ?? ''}>
                {d.type} {d.address} {d.physnet} {d.status} {d.instanceUuid ?? ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
