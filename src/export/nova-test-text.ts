/**
 * Text helpers shared by the Nova-test templates: Python literals, comment
 * lines, and the footer that says where the file goes and how to run it.
 */
import type { RaceId } from '../model/types';

/** The Nova-test export cannot run this scenario: the message says why. */
export class ExportNotAvailable extends Error {}

/** The file each race's export is saved as (the module name Nova's runner takes). */
export const NOVA_TEST_FILES: Readonly<Record<RaceId, string>> = {
  '1896463': 'test_bug_1896463_racelab.py',
  '1879878-confirm': 'test_bug_1879878_confirm_racelab.py',
  '1879878-revert': 'test_bug_1879878_revert_racelab.py',
  '2025480': 'test_bug_2025480_racelab.py',
};

/** 1000 -> "1", 2500 -> "2.5": seconds as a Python literal. */
export const seconds = (ms: number): string => String(ms / 1000);

/** What a functional test built on `integrated_helpers` imports from Nova, in Nova's order. */
export const NOVA_FUNCTIONAL_TEST_IMPORTS: readonly string[] = [
  'from nova import context',
  'from nova import objects',
  'from nova import test',
  'from nova.tests import fixtures as nova_fixtures',
  'from nova.tests.functional import fixtures as func_fixtures',
  'from nova.tests.functional import integrated_helpers',
];

/** Comment text stays on its line. */
export const comment = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** Words into lines of at most `width` characters. */
export function wrap(text: string, width = 74): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of comment(text).split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A bulleted comment: "#   - first line" then "#     more". */
export function bullet(text: string): string[] {
  return wrap(text).map((l, i) => `#${i === 0 ? '   - ' : '     '}${l}`);
}

/** `{'host1': -1, 'host2': 1}`: a usage map as a Python dict literal, hosts in order. */
export function pyUsage(usage: Readonly<Partial<Record<string, number>>>, hosts: readonly string[]): string {
  return `{${hosts.map((h) => `'${h}': ${usage[h] ?? 0}`).join(', ')}}`;
}

/** Where the file goes and how to run it. */
export function footer(race: RaceId): string[] {
  const file = NOVA_TEST_FILES[race];
  return [
    `# Put it in nova/tests/functional/regressions/${file}`,
    '# and run it, e.g. with python3 -m testtools.run',
    `#   nova.tests.functional.regressions.${file.replace(/\.py$/, '')}`,
    '# Written by Racelab from its model; real timings depend on the machine.',
  ];
}

/**
 * The test's line that patches the code from before the fix over `target`
 * (Python string pieces, joined by Python as one dotted name), or nothing
 * when the fixed code, Nova's own, is under test.
 */
export function preFixPatch(fix: boolean, target: readonly string[], replacement: string): string {
  if (fix) return '';
  const name = target.map((piece, i) => `            '${piece}'${i === target.length - 1 ? ',' : ''}`).join('\n');
  return `        self.useFixture(fixtures.MockPatch(\n${name}\n            new=${replacement}))\n`;
}
