/**
 * The compute API and `ComputeManager` side of the scenarios: the evacuation
 * request, the rebuild on the destination and its finish, a new boot, and
 * host1's restart. Each function is the effect of one atomic step.
 */
import type { Effect } from './engine/types';
import { trackerFromRows } from './pci-tracker';
import type { HostName, InstanceRow, MigrationStatus, World } from './types';
import {
  hostOf,
  instanceOf,
  migrationOf,
  putInstance,
  putMigration,
  putPort,
  updateHost,
  updateInstance,
  updateMigration,
} from './world';

/** `API.evacuate`: the instance is rebuilding and an evacuation migration is `accepted`. */
export function apiEvacuate(w: World, uuid: string, migrationId: number): Effect {
  const instance = instanceOf(w, uuid);
  if (instance.host === null) throw new Error(`${uuid} has no host to evacuate from`);
  let next = updateInstance(w, uuid, { taskState: 'rebuilding' });
  next = putMigration(next, {
    id: migrationId,
    instanceUuid: uuid,
    sourceCompute: instance.host,
    destCompute: null,
    status: 'accepted',
    type: 'evacuation',
  });
  return { world: next, label: () => `API accepts the evacuation of ${uuid}: task_state rebuilding, migration ${migrationId} accepted` };
}

/**
 * `network_api.setup_instance_network_on_host` during the rebuild: Neutron
 * binds the instance's port to this host, and `binding:profile`'s
 * `pci_slot` moves to the device the migration context claimed here.
 */
export function bindPortForMove(w: World, host: HostName, uuid: string, portId: string): Effect {
  const port = w.db.ports[portId];
  if (!port) return { world: w, label: () => `${uuid} has no port ${portId} to bind` };
  const claimed = instanceOf(w, uuid).migrationContext?.newPciDevices.find((d) => d.host === host)?.address ?? null;
  const next = putPort(w, { ...port, bindingHost: host, pciSlot: claimed ?? port.pciSlot });
  return {
    world: next,
    label: () => `Neutron binds ${port.id} of ${uuid} to ${host}: binding:profile pci_slot ${claimed ?? port.pciSlot ?? 'None'}`,
  };
}

/**
 * `_build_networks_for_instance` -> `allocate_for_instance` for a new
 * server: its port is bound to this host with the VF it was given.
 */
export function bindPortForBoot(w: World, host: HostName, uuid: string, portId: string): Effect {
  const port = w.db.ports[portId];
  if (!port) return { world: w, label: () => `${uuid} has no port ${portId} to bind` };
  const device = instanceOf(w, uuid).pciDevices.find((d) => d.host === host)?.address ?? null;
  const next = putPort(w, { ...port, bindingHost: host, pciSlot: device });
  return { world: next, label: () => `Neutron binds ${port.id} of ${uuid} to ${host}: binding:profile pci_slot ${device ?? 'None'}` };
}

/** The driver rebuilds the guest with the devices of the migration context; the instance becomes active. */
export function spawnEvacuatedGuest(w: World, host: HostName, uuid: string): Effect {
  const instance = instanceOf(w, uuid);
  const devices = (instance.migrationContext?.newPciDevices ?? instance.pciDevices)
    .filter((d) => d.host === host)
    .map((d) => d.address);
  let next = updateHost(w, host, { guests: { ...hostOf(w, host).guests, [uuid]: { uuid, pciDevices: devices } } });
  next = updateInstance(next, uuid, { vmState: 'active', taskState: null });
  return {
    world: next,
    label: () => `the driver rebuilds ${uuid} on ${host} with ${devices.join(', ') || 'no devices'}; vm_state active, task_state None`,
  };
}

/** `apply_migration_context()`, `instance.host = host`, `instance.save()`. */
export function saveInstanceHost(w: World, host: HostName, uuid: string): Effect {
  const instance = instanceOf(w, uuid);
  const applied: InstanceRow = {
    ...instance,
    host,
    node: host,
    pciDevices: instance.migrationContext ? instance.migrationContext.newPciDevices : instance.pciDevices,
  };
  return {
    world: putInstance(w, applied),
    label: () => `applies the migration context and saves ${uuid} with host=${host}`,
    facts: [{ type: 'instance-host', uuid, from: instance.host, to: host }],
  };
}

/** `Instance.drop_migration_context()`. */
export function dropMigrationContext(w: World, uuid: string): Effect {
  return {
    world: updateInstance(w, uuid, { migrationContext: null }),
    label: () => `drops ${uuid}'s migration context`,
  };
}

/** `migration.status = status; migration.save()`. */
export function setMigrationStatus(w: World, migrationId: number, status: MigrationStatus): Effect {
  const before = migrationOf(w, migrationId).status;
  return {
    world: updateMigration(w, migrationId, { status }),
    label: () => `migration ${migrationId}: ${before} -> ${status}`,
    facts: [{ type: 'migration-status', id: migrationId, from: before, to: status }],
  };
}

/** `API.create`: a new server asking for one VF on `physnet`, with its (unbound) SR-IOV port. */
export function apiCreateServer(w: World, uuid: string, name: string, physnet: string, portId: string): Effect {
  const row: InstanceRow = {
    uuid,
    name,
    host: null,
    node: null,
    vmState: 'building',
    taskState: 'scheduling',
    migrationContext: null,
    pciDevices: [],
    pciRequestPhysnet: physnet,
    flavor: null,
    oldFlavor: null,
    newFlavor: null,
  };
  const next = putPort(putInstance(w, row), { id: portId, instanceUuid: uuid, physnet, bindingHost: null, pciSlot: null });
  return { world: next, label: () => `API creates ${uuid} (${name}) with port ${portId}, asking for a ${physnet} VF` };
}

/** `driver.spawn` of a new server with the devices it was given. */
export function spawnNewGuest(w: World, host: HostName, uuid: string): Effect {
  const instance = instanceOf(w, uuid);
  const devices = instance.pciDevices.filter((d) => d.host === host).map((d) => d.address);
  let next = updateHost(w, host, { guests: { ...hostOf(w, host).guests, [uuid]: { uuid, pciDevices: devices } } });
  next = updateInstance(next, uuid, { vmState: 'active', taskState: null });
  return { world: next, label: () => `the driver starts ${uuid} on ${host} with ${devices.join(', ') || 'no devices'}` };
}

/** nova-compute starts: the service is up and a new tracker loads the saved `pci_devices` rows. */
export function startComputeService(w: World, host: HostName): Effect {
  const next = updateHost(w, host, {
    service: { up: true, forcedDown: false },
    tracker: trackerFromRows(w.db.pciDevices[host] ?? {}),
    periodic: null,
  });
  return { world: next, label: () => `nova-compute starts on ${host}; its new tracker loads ${host}'s pci_devices rows` };
}

/** `driver.destroy` of a guest that was evacuated away. */
export function destroyGuest(w: World, host: HostName, uuid: string): Effect {
  const { [uuid]: _gone, ...rest } = hostOf(w, host).guests;
  return { world: updateHost(w, host, { guests: rest }), label: () => `destroys the evacuated guest ${uuid} on ${host}` };
}
