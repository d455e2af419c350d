import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { createAppStore } from './store';

describe('switching races', () => {
  it('loads the race’s Nova test as one history entry and moves the race map onto its keys', () => {
    const store = createAppStore();
    store.getState().setMapSpec({ ...store.getState().mapSpec, res: 200 });
    store.history.take();
    store.getState().setRace('2025480');
    expect(store.history.take()).toBe('push');
    expect(store.getState().scenario).toEqual(defaultScenario('nova-test', '2025480'));
    expect(store.getState().mapSpec).toMatchObject({ xKey: 'spawn', yKey: 'periodicAt', res: 200 });
    store.getState().setRace('1896463');
    expect(store.getState().mapSpec).toMatchObject({ xKey: 'dropDelay', yKey: 'migDelay', res: 200 });
  });

  it('resets to the Nova test of the race on screen, with its own defaults', () => {
    const store = createAppStore();
    store.getState().setRace('1879878-confirm');
    store.getState().setParam('winDelay', 20);
    store.getState().setParam('periodicAt', null);
    expect(store.getState().scenario.periodicAt).toBe(500);
    store.getState().resetToTest();
    expect(store.getState().scenario).toEqual(defaultScenario('nova-test', '1879878-confirm'));
  });
});
