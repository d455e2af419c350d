/**
 * Footprints: the shared state a step reads and writes, by resource name.
 * Two steps of different threads are dependent (their order can change the
 * outcome) when one writes a resource the other touches. A name ending in
 * `:*` stands for every resource of that kind: a table scan such as
 * `InstanceList.get_by_host_and_node` reads `instance:*`.
 */
import type { Footprint } from './engine/types';
import type { HostName } from './types';

export const res = {
  instance: (uuid: string) => `instance:${uuid}`,
  /** Every instance row (a query over the table, or creating a row). */
  instances: 'instance:*',
  migration: (id: number) => `migration:${id}`,
  migrations: 'migration:*',
  /** A compute node's `pci_devices` rows, saved as a whole. */
  pciRows: (host: HostName) => `pci_devices:${host}`,
  /** A host's in-memory ResourceTracker with its PciDevTracker and the periodic run's snapshots. */
  tracker: (host: HostName) => `tracker:${host}`,
  /** The guests a host's hypervisor runs. */
  hypervisor: (host: HostName) => `hypervisor:${host}`,
  /** Is a host's nova-compute up? */
  service: (host: HostName) => `service:${host}`,
  port: (id: string) => `port:${id}`,
  lock: (name: string) => `lock:${name}`,
} as const;

/** Nothing shared: sleeps, and steps that only take time. */
export const NO_FOOTPRINT: Footprint = { reads: [], writes: [] };

/**
 * A footprint; resources written are read too (a save is read-modify-write).
 *
 * @example touches({ reads: [res.instances], writes: [res.tracker('host2')] })
 */
export function touches(spec: { reads?: readonly string[]; writes?: readonly string[] }): Footprint {
  const writes = spec.writes ?? [];
  return { reads: [...new Set([...(spec.reads ?? []), ...writes])], writes };
}

/** Does resource pattern `a` name the same resource as `b` (either may be a `:*` wildcard)? */
export function sameResource(a: string, b: string): boolean {
  if (a === b) return true;
  const starA = a.endsWith(':*');
  const starB = b.endsWith(':*');
  if (starA && b.startsWith(a.slice(0, -1))) return true;
  if (starB && a.startsWith(b.slice(0, -1))) return true;
  return false;
}

function overlaps(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) for (const y of ys) if (sameResource(x, y)) return true;
  return false;
}

/**
 * Can the order of these two steps matter? Yes when one writes what the
 * other reads or writes.
 *
 * @example dependent(touches({ writes: ['migration:1'] }), touches({ reads: ['migration:*'] })) // true
 */
export function dependent(a: Footprint, b: Footprint): boolean {
  return overlaps(a.writes, b.reads) || overlaps(a.writes, b.writes) || overlaps(b.writes, a.reads);
}
