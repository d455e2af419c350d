/**
 * The library itself: every race runs on the one engine, names its steps'
 * Nova code, keeps to its hosts and lanes, and #1896463 is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { NOVA_REFS, novaUrl } from '../nova-refs';
import { defaultScenario } from '../scenario';
import { simulate } from '../simulate';
import { RACE_IDS } from '../types';
import { RACES } from '.';
import { RACE_INFO } from './catalog';

describe('the races', () => {
  it.each([...RACE_IDS])('%s: every step names Nova code, on the race’s hosts and lanes, buggy and fixed', (id) => {
    for (const fix of [false, true]) {
      const trace = simulate({ ...defaultScenario('nova-test', id), fix, periodicRuns: 2 });
      for (const step of trace.steps) {
        const ref = (NOVA_REFS as Record<string, { file: string } | undefined>)[step.nova];
        expect(ref, `${id} step ${step.name} names ${step.nova}`).toBeDefined();
        if (step.host !== null) expect(RACE_INFO[id].hosts).toContain(step.host);
        expect(RACE_INFO[id].lanes).toContain(step.thread);
      }
      expect(Object.keys(trace.states[0]!.hosts)).toEqual([...RACE_INFO[id].hosts]);
    }
  });

  it('links each race’s steps to its own commits', () => {
    expect(novaUrl(NOVA_REFS['drop-move-claim-at-source'])).toMatch(/a57800d3825ef2fb833d8024c6f7e5c550f55e2f\/nova\/compute\/resource_tracker\.py#L555$/);
    expect(novaUrl(NOVA_REFS['unshelve-instance-claim'])).toMatch(/62300d4885549368f874b3e07b756017ff96c659\//);
    expect(novaUrl(NOVA_REFS['finish-evacuation'])).toMatch(/7675964af81472f3dd57db952d704539e61a3e6e\//);
  });

  it('titles fit the picker (about 28 characters)', () => {
    for (const id of RACE_IDS) expect(RACE_INFO[id].title.length, RACE_INFO[id].title).toBeLessThanOrEqual(28);
  });

  it('the registry and the catalog agree', () => {
    for (const id of RACE_IDS) expect(RACES[id]).toMatchObject(RACE_INFO[id]);
  });

  it('#1896463 is the default race; its trace hashes are what they were before there were races, whatever keys it ignores', () => {
    expect(defaultScenario().race).toBe('1896463');
    // The hashes the golden files committed before the library existed.
    expect(simulate(defaultScenario()).traceHash).toBe('0e977cac835439');
    expect(simulate({ ...defaultScenario(), winDelay: 0, fix: true }).traceHash).toBe('1fcd24ac8b3de9');
  });
});
