import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { relocateCursor } from './cursor';
import { selectStepWorlds, selectVerdict, selectWorldAtCursor, selectWorldBeforeCursor, selectWorldsCurrent } from './selectors';
import { createAppStore } from './store';

function storeWithTrace(patch = {}) {
  const store = createAppStore();
  const scenario = { ...defaultScenario(), ...patch };
  store.getState().loadScenario(scenario, 'replace');
  store.getState().receiveTrace(simulate(scenario), scenario, 0.1);
  return store;
}

describe('scenario slice', () => {
  it('clamps values, and tells the history channel: drags replace, discrete changes push', () => {
    const store = createAppStore();
    store.getState().setParam('migDelay', 123.4, { transient: true });
    expect(store.getState().scenario.migDelay).toBe(123);
    expect(store.history.take()).toBe('replace');
    store.getState().setParam('migDelay', 9e9);
    expect(store.getState().scenario.migDelay).toBe(60_000);
    expect(store.history.take()).toBe('push');
    store.getState().setFix(true);
    expect(store.getState().scenario.fix).toBe(true);
    expect(store.history.take()).toBe('push');
    // A change that changes nothing says nothing.
    store.getState().setFix(true);
    expect(store.history.take()).toBeNull();
    // The intent is not state: components never re-render for it.
    expect(Object.keys(store.getState())).not.toContain('historyIntent');
  });

  it('turns optional actors off with null, and required keys back to their default', () => {
    const store = createAppStore();
    store.getState().setParam('bootAt', 5000);
    store.getState().setParam('bootAt', null);
    expect(store.getState().scenario.bootAt).toBeNull();
    store.getState().setParam('migDelay', null);
    expect(store.getState().scenario.migDelay).toBe(2000);
  });

  it('switching preset moves untouched keys to the new defaults and keeps edited ones', () => {
    const store = createAppStore();
    store.getState().setParam('migDelay', 700);
    store.getState().setPreset('production');
    expect(store.getState().scenario).toMatchObject({ preset: 'production', periodicAt: 420, periodicRuns: 2, migDelay: 700 });
    store.getState().resetToTest();
    expect(store.getState().scenario).toEqual(defaultScenario());
  });
});

describe('playback and run slices', () => {
  it('starts at the last step, steps within bounds and plays to the end', () => {
    const store = storeWithTrace();
    store.history.take();
    const s = () => store.getState();
    const last = s().trace!.steps.length - 1;
    expect(s().cursor).toBe(last);
    s().next();
    expect(s().cursor).toBe(last);
    s().first();
    s().prev();
    expect(s().cursor).toBe(0);
    s().togglePlay();
    expect(s().playing).toBe(true);
    for (let i = 0; i < last + 3; i++) s().tick();
    expect(s().cursor).toBe(last);
    expect(s().playing).toBe(false);
    s().togglePlay(); // at the end: starts over
    expect(s().cursor).toBe(0);
    // Every cursor move is a step for the history.
    expect(store.history.take()).toBe('steps');
  });

  it('applies a cursor from the URL when the trace arrives, clamped with a notice', () => {
    const store = createAppStore();
    store.getState().requestCursor(998); // step=999
    const scenario = defaultScenario();
    store.getState().receiveTrace(simulate(scenario), scenario, 0);
    const count = store.getState().trace!.steps.length;
    expect(store.getState().cursor).toBe(count - 1);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      `step=999 is past the last step of this scenario; showing step ${count}, the last.`,
    ]);
  });

  it('keeps the same step selected when a slider changes the trace', () => {
    const before = simulate(defaultScenario());
    const after = simulate({ ...defaultScenario(), spawn: 500 });
    const cleanUsage = before.steps.findIndex((s) => s.name === 'clean_usage' && s.host === 'host2');
    const moved = relocateCursor(before, cleanUsage, after);
    expect(after.steps[moved]).toMatchObject({ name: 'clean_usage', host: 'host2' });
  });
});

describe('the fast-path verdict and the worlds at the cursor', () => {
  it('shows the preview verdict for the scenario on screen until its trace arrives', () => {
    const store = storeWithTrace();
    const fixed = { ...defaultScenario(), fix: true };
    store.getState().loadScenario(fixed, 'push');
    const preview = simulate(fixed).verdict;
    store.getState().receivePreview(preview, fixed);
    expect(selectVerdict(store.getState())).toBe(preview);
    // A preview for another scenario than the one on screen is not shown.
    store.getState().loadScenario(defaultScenario(), 'push');
    expect(selectVerdict(store.getState())?.verdict).toBe('lost');
    store.getState().receiveTrace(simulate(fixed), fixed, 0, 2);
    expect(store.getState().preview).toBeNull();
  });

  it('keeps the worlds of the current trace only, and says whether they are the cursor\'s', () => {
    const store = createAppStore();
    const trace = simulate(defaultScenario());
    store.getState().receiveTrace(trace, defaultScenario(), 0, 7);
    const cursor = store.getState().cursor;
    const worlds = (step: number) => ({ step, before: trace.states[step]!, after: trace.states[step + 1]!, changes: trace.steps[step]!.changes });
    store.getState().receiveWorlds(6, worlds(cursor));
    expect(selectStepWorlds(store.getState())).toBeNull();
    store.getState().receiveWorlds(7, worlds(cursor - 1));
    expect(selectWorldAtCursor(store.getState())).toBe(trace.states[cursor]);
    expect(selectWorldsCurrent(store.getState())).toBe(false);
    store.getState().receiveWorlds(7, worlds(cursor));
    expect(selectWorldsCurrent(store.getState())).toBe(true);
    expect(selectWorldBeforeCursor(store.getState())).toBe(trace.states[cursor]);
  });
});

describe('notice slice', () => {
  it('numbers notices per store', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().addNotice({ source: 'url', level: 'info', text: 'one' });
    a.getState().addNotice({ source: 'url', level: 'info', text: 'two' });
    b.getState().addNotice({ source: 'url', level: 'info', text: 'one' });
    expect(a.getState().notices.map((n) => n.id)).toEqual([1, 2]);
    expect(b.getState().notices.map((n) => n.id)).toEqual([1]);
  });

  it('deduplicates, caps and dismisses notices', () => {
    const store = createAppStore();
    const s = () => store.getState();
    for (let i = 0; i < 20; i++) s().addNotice({ source: 'url', level: 'warning', text: `n${i % 12}` });
    expect(s().notices).toHaveLength(8);
    s().dismissNotice(s().notices[0]!.id);
    expect(s().notices).toHaveLength(7);
    s().clearNotices('url');
    expect(s().notices).toEqual([]);
  });
});
