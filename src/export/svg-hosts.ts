/**
 * The host PCI view for a picture: each host's service, guests, the Nova
 * test's count and every PF and VF with its tracker status and owner at one
 * step. A device a running guest uses while the tracker calls it available
 * is red and says so: that is the bug's damage.
 */
import type { HostName, PciDevice, World } from '../model/types';
import { HOSTS } from '../model/types';
import { EVACUEE, hostOf } from '../model/world';
import { CLAIMED, INK, INK_SOFT, INSTANCE_COLOR, KEPT, LINE, LOST, MONO, UNAVAILABLE } from './svg-palette';
import { el, text } from './svg-text';
import type { SvgBlock } from './svg-timeline';

const ROW = 22;
const HEAD = 70;

interface DeviceLook {
  readonly words: string;
  readonly fill: string;
  readonly ink: string;
}

/** The chip: colour with words, never colour alone. */
function lookOf(dev: PciDevice, usedBy: readonly string[]): DeviceLook {
  if (usedBy.length > 0 && dev.status === 'available') return { words: `⚠ available, but ${usedBy.join(' and ')} still uses it`, fill: LOST, ink: '#fff' };
  if (usedBy.length > 1 || (usedBy.length === 1 && dev.instanceUuid !== null && !usedBy.includes(dev.instanceUuid))) {
    return { words: `⚠ ${dev.status} (${dev.instanceUuid ?? '?'}), used by ${usedBy.join(' and ')}`, fill: LOST, ink: '#fff' };
  }
  switch (dev.status) {
    case 'available':
      return { words: 'available', fill: '#fff', ink: KEPT };
    case 'claimed':
      return { words: `claimed · ${dev.instanceUuid ?? '?'}`, fill: CLAIMED, ink: INK };
    case 'allocated':
      return { words: `allocated · ${dev.instanceUuid ?? '?'}`, fill: INSTANCE_COLOR[dev.instanceUuid ?? ''] ?? INK_SOFT, ink: '#fff' };
    default:
      return { words: dev.status, fill: '#eef0f2', ink: UNAVAILABLE };
  }
}

function serviceWords(world: World, host: HostName): string {
  const h = hostOf(world, host);
  const state = h.service.up ? 'up' : 'down';
  return `nova-compute ${state}${h.service.forcedDown ? ' (forced down)' : ''}`;
}

function hostColumn(world: World, host: HostName, x: number, width: number): { markup: string; height: number } {
  const h = hostOf(world, host);
  const users = new Map<string, string[]>();
  for (const guest of Object.values(h.guests)) for (const a of guest.pciDevices) users.set(a, [...(users.get(a) ?? []), guest.uuid]);
  const guests = Object.values(h.guests).map((g) => `${g.uuid}${g.pciDevices.length ? ` with ${g.pciDevices.join(', ')}` : ''}`);
  const count = Object.values(world.db.pciDevices[host] ?? {}).filter((d) => d.status === 'allocated' && d.instanceUuid === EVACUEE).length;
  const bad = count === 0 && world.db.instances[EVACUEE]?.host === host;
  const out = [
    text({ x, y: 16, 'font-size': 15, 'font-weight': 700, fill: INK }, host),
    text({ x: x + 48, y: 16, 'font-size': 12, fill: INK_SOFT }, serviceWords(world, host)),
    text({ x, y: 36, 'font-size': 12, fill: INK }, `running: ${guests.length ? guests.join('; ') : 'no guests'}`),
    text({ x, y: 54, 'font-size': 12, fill: bad ? LOST : INK, 'font-weight': bad ? 700 : 400 },
      `Nova test: ${EVACUEE} allocated in pci_devices: ${count}${bad ? ` ✗ (${EVACUEE} is on ${host}; the test expects 1)` : ''}`),
  ];
  const devices = Object.values(h.tracker.devices).sort((a, b) => a.address.localeCompare(b.address));
  devices.forEach((dev, i) => {
    const y = HEAD + i * ROW;
    const indent = dev.type === 'VF' ? 18 : 0;
    const look = lookOf(dev, users.get(dev.address) ?? []);
    const row = users.get(dev.address)?.length ? (look.fill === LOST ? '#fde8e8' : '#f3f7fb') : i % 2 ? '#fafbfc' : '#fff';
    out.push(el('rect', { x, y, width, height: ROW, fill: row, stroke: LINE, 'stroke-width': 0.5 }));
    out.push(text({ x: x + 6 + indent, y: y + 15, 'font-size': 11, 'font-weight': 700, fill: INK_SOFT }, dev.type));
    out.push(text({ x: x + 30 + indent, y: y + 15, 'font-size': 12, 'font-family': MONO, fill: INK }, dev.address));
    out.push(text({ x: x + 170, y: y + 15, 'font-size': 11, fill: INK_SOFT }, dev.physnet));
    const chipWidth = Math.min(width - 244, 16 + look.words.length * 6.4);
    out.push(el('rect', { x: x + 236, y: y + 3, width: chipWidth, height: ROW - 6, rx: 3, fill: look.fill, stroke: look.fill === '#fff' ? KEPT : look.fill }));
    out.push(text({ x: x + 244, y: y + 15, 'font-size': 11, 'font-weight': 600, fill: look.ink }, look.words));
  });
  return { markup: out.join(''), height: HEAD + devices.length * ROW };
}

/**
 * Both hosts side by side at the world after `step`.
 *
 * @example hostsBlock(trace.states.at(-1)!, 'the end of the trace', 1200).height
 */
export function hostsBlock(world: World, when: string, width: number): SvgBlock {
  const gap = 24;
  const column = (width - 3 * gap) / 2;
  const columns = HOSTS.map((host, i) => hostColumn(world, host, gap + i * (column + gap), column));
  const heading = text({ x: gap, y: 14, 'font-size': 13, 'font-weight': 700, fill: INK }, `PCI devices per host (tracker status and owner) ${when}`);
  const body = columns.map((c) => c.markup).join('');
  return { markup: `<g class="hosts">${heading}<g transform="translate(0,26)">${body}</g></g>`, height: 26 + Math.max(...columns.map((c) => c.height)) };
}
