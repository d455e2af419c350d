/** The README documents every scenario key with its real default and range. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMERIC_PARAMS } from '../src/model/scenario';
import { MAP_QUERY_KEYS } from '../src/url/map-query';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the two commands: start the app, run every test', () => {
    const firstBlock = readme.split('```')[1] ?? '';
    expect(firstBlock).toMatch(/npm ci && npm start/);
    expect(firstBlock).toMatch(/npm ci && npm test/);
  });

  it.each(NUMERIC_PARAMS.map((p) => [p.key, p] as const))('documents %s with its default and range', (key, p) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
    expect(row, `no README row for ${key}`).toBeDefined();
    const fmt = (v: number | null) => (v === null ? 'off' : String(v));
    expect(row).toContain(` ${fmt(p.defaults['nova-test'])}`);
    if (p.defaults.production !== p.defaults['nova-test']) expect(row).toContain(`production: ${fmt(p.defaults.production)}`);
    expect(row).toContain(`${p.min}–${p.max}`);
    // Another race's default, where it differs, is named with the race.
    for (const [race, value] of Object.entries(p.raceDefaults ?? {})) expect(row).toMatch(new RegExp(`${race}[^|]*: ${value}`));
  });

  it.each([...MAP_QUERY_KEYS])('documents the race map key %s', (key) => {
    expect(readme.split('\n').some((line) => line.startsWith('| ') && line.split('|')[1]!.includes(`\`${key}\``))).toBe(true);
  });
});
