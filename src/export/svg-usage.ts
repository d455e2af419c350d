/**
 * The host view of a usage race for a picture: each host's
 * `compute_nodes.vcpus_used` at one step against what the Nova test expects
 * once the operation has finished, the tracker's counter and tracked sets.
 */
import type { HostMap, HostName, World } from '../model/types';
import { INK, INK_SOFT, KEPT, LOST, MONO } from './svg-palette';
import { text } from './svg-text';
import type { SvgBlock } from './svg-timeline';

function hostColumn(world: World, host: HostName, expected: number, x: number): string {
  const h = world.hosts[host];
  const used = world.db.computeNodes[host]?.vcpusUsed ?? null;
  const wrong = used !== expected;
  const t = h?.tracker;
  const migrations = Object.entries(t?.trackedMigrations ?? {}).map(([uuid, id]) => `${uuid} (migration ${id})`);
  return [
    text({ x, y: 16, 'font-size': 15, 'font-weight': 700, fill: INK }, host),
    text({ x: x + 80, y: 16, 'font-size': 12, fill: INK_SOFT }, `nova-compute ${h?.service.up ? 'up' : 'down'}; runs ${Object.keys(h?.guests ?? {}).join(', ') || 'no guests'}`),
    text({ x, y: 38, 'font-size': 13, 'font-weight': 700, fill: wrong ? LOST : KEPT },
      `compute_nodes vcpus_used ${used ?? 'None'} ${wrong ? `✗ (the Nova test expects ${expected})` : '✓'}`),
    text({ x, y: 56, 'font-size': 12, fill: INK }, `tracker in memory: vcpus_used ${t?.computeNode?.vcpusUsed ?? 'None'}`),
    text({ x, y: 74, 'font-size': 12, 'font-family': MONO, fill: INK }, `tracked_instances ${t?.trackedInstances.length ? t.trackedInstances.join(', ') : '[]'}`),
    text({ x, y: 92, 'font-size': 12, 'font-family': MONO, fill: INK }, `tracked_migrations ${migrations.length ? migrations.join(', ') : '{}'}`),
  ].join('');
}

/**
 * Every host of the race side by side at one step.
 *
 * @example usageHostsBlock(trace.states.at(-1)!, 'at the end', 1200, { host1: 0, host2: 1 }).height
 */
export function usageHostsBlock(world: World, when: string, width: number, expected: HostMap<number>): SvgBlock {
  const gap = 24;
  const hosts = Object.keys(expected) as HostName[];
  const column = (width - (hosts.length + 1) * gap) / Math.max(1, hosts.length);
  const heading = text({ x: gap, y: 14, 'font-size': 13, 'font-weight': 700, fill: INK }, `Usage per host (what the Nova test asserts) ${when}`);
  const body = hosts.map((host, i) => hostColumn(world, host, expected[host] ?? 0, gap + i * (column + gap))).join('');
  return { markup: `<g class="hosts">${heading}<g transform="translate(0,26)">${body}</g></g>`, height: 26 + 100 };
}
