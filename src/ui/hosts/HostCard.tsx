/**
 * One host at the cursor: nova-compute up or down, what its hypervisor runs,
 * the Nova test's count, then the PCI devices per physnet with its free VFs.
 */
import { EVACUEE } from '../../model';
import { INSTANCE_COLOR } from '../theme';
import { ChangedMark } from './ChangedMark';
import { DeviceItem } from './DeviceItem';
import { byPhysnet, type DeviceView } from './device-view';
import type { EvacueeCount, HostSummary, PoolView } from './host-summary';

interface Props {
  readonly summary: HostSummary;
  readonly devices: readonly DeviceView[];
  readonly cursor: number;
  readonly onJump: (step: number) => void;
}

function Guests({ summary }: { summary: HostSummary }) {
  if (summary.guests.length === 0 && summary.goneGuests.length === 0) return <span className="muted">no guests</span>;
  return (
    <ul className="host-guests">
      {summary.guests.map((g) => (
        <li key={g.uuid} data-guest={g.uuid} className={g.changed ? 'guest chg' : 'guest'}>
          <span className="owner-dot" style={{ background: INSTANCE_COLOR[g.uuid] ?? '#6b7785' }} aria-hidden="true" />
          <b>{g.uuid}</b>
          {g.devices.length > 0 && (
            <>
              {' with '}
              <span className="mono">{g.devices.join(', ')}</span>
            </>
          )}
          {g.changed && <ChangedMark what={`guest ${g.uuid}`} />}
        </li>
      ))}
      {summary.goneGuests.map((uuid) => (
        <li key={uuid} className="guest chg gone">
          <s>{uuid}</s> destroyed <ChangedMark what={`guest ${uuid}`} />
        </li>
      ))}
    </ul>
  );
}

/** The Nova test's count for a further evacuee (`inst-C`), asserted as the test asserts inst-A's. */
function OtherEvacueeCount({ host, count }: { host: string; count: EvacueeCount }) {
  const { uuid } = count;
  return (
    <>
      <dt title={`pci_devices rows allocated to ${uuid} on this host`}>{uuid}</dt>
      <dd
        data-testid="nova-count-other"
        data-instance={uuid}
        data-count={count.count}
        className={[count.changed && 'chg', count.bad && 'nova-bad'].filter(Boolean).join(' ') || undefined}
      >
        {uuid} allocated in DB: <b>{count.count}</b>
        {count.bad && (
          <span className="nova-bad-note" title={`${uuid}.host is ${host}: 1 device should be allocated here`}>
            {' '}
            <span aria-hidden="true">✗</span> expected 1
          </span>
        )}
        {count.changed && <ChangedMark what={`${uuid} count`} />}
      </dd>
    </>
  );
}

function Facts({ summary }: { summary: HostSummary }) {
  return (
    <dl className="host-facts">
      <dt title="guests the hypervisor runs on this host, with their passed-through devices">running</dt>
      <dd>
        <Guests summary={summary} />
      </dd>
      <dt title={`pci_devices rows allocated to ${EVACUEE} on this host: what the Nova test asserts`}>Nova test</dt>
      <dd
        data-testid="nova-count"
        data-count={summary.novaCount}
        className={[summary.novaCountChanged && 'chg', summary.novaCountBad && 'nova-bad'].filter(Boolean).join(' ') || undefined}
      >
        {EVACUEE} allocated in DB: <b>{summary.novaCount}</b>
        {summary.novaCountBad && (
          <span className="nova-bad-note" title={`${EVACUEE}.host is ${summary.host}: the Nova test asserts 1 device allocated here`}>
            {' '}
            <span aria-hidden="true">✗</span> the test expects 1
          </span>
        )}
        {summary.novaCountChanged && <ChangedMark what="Nova test count" />}
      </dd>
      {summary.otherEvacuees.map((e) => (
        <OtherEvacueeCount key={e.uuid} host={summary.host} count={e} />
      ))}
    </dl>
  );
}

function PoolHeading({ physnet, pool }: { physnet: string; pool: PoolView | undefined }) {
  return (
    <h3 className={`physnet-head${pool?.changed ? ' chg' : ''}`} data-testid="free-pool" data-physnet={physnet} data-free={pool?.free ?? 0}>
      {physnet}
      {pool && (
        <span className="physnet-free">
          {' '}
          · {pool.free} of {pool.total} VF{pool.total === 1 ? '' : 's'} free
        </span>
      )}
      {pool?.changed && <ChangedMark what={`free ${physnet} VFs`} />}
    </h3>
  );
}

export function HostCard({ summary, devices, cursor, onJump }: Props) {
  const { host } = summary;
  const titleId = `host-title-${host}`;
  return (
    <section className="host-card" data-testid={`host-${host}`} data-service={summary.up ? 'up' : 'down'} aria-labelledby={titleId}>
      <header className="host-head">
        <h2 className="panel-title host-title" id={titleId}>
          {host}
        </h2>
        <span className={`svc ${summary.up ? 'svc-up' : 'svc-down'}${summary.serviceChanged ? ' chg' : ''}`} data-testid="host-service">
          <span aria-hidden="true">{summary.up ? '▲ ' : '▼ '}</span>
          {summary.serviceText}
        </span>
        {summary.serviceChanged && <ChangedMark what="nova-compute" />}
      </header>
      <Facts summary={summary} />
      {byPhysnet(devices).map((group) => (
        <div key={group.physnet} className="physnet-group">
          <PoolHeading physnet={group.physnet} pool={summary.pools.find((p) => p.physnet === group.physnet)} />
          <ul className="dev-tree" aria-label={`PCI devices of ${host} on ${group.physnet}`}>
            {group.devices.map((d) => (
              <DeviceItem key={d.address} device={d} cursor={cursor} onJump={onJump} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
