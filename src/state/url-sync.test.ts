import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { createAppStore, type AppStore } from './store';
import { connectUrl, type HistoryLike, shareableUrl } from './url-sync';

class FakeWindow implements HistoryLike {
  entries: string[];
  index = 0;
  private listeners: (() => void)[] = [];
  constructor(search: string) {
    this.entries = [search];
  }
  get location() {
    return { search: this.entries[this.index]!, hash: '' };
  }
  readonly history = {
    pushState: (_: unknown, __: string, url: string) => {
      this.entries = [...this.entries.slice(0, this.index + 1), url];
      this.index++;
    },
    replaceState: (_: unknown, __: string, url: string) => {
      this.entries[this.index] = url;
    },
    back: () => this.back(),
  };
  addEventListener(_: 'popstate', listener: () => void) {
    this.listeners.push(listener);
  }
  removeEventListener(_: 'popstate', listener: () => void) {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  back() {
    this.index--;
    this.listeners.forEach((l) => l());
  }
  forward() {
    this.index++;
    this.listeners.forEach((l) => l());
  }
}

/** Simulate synchronously whenever the scenario changes, like the worker would. */
function autoSimulate(store: AppStore) {
  const run = () => {
    const { scenario, tracedScenario } = store.getState();
    if (scenario !== tracedScenario) store.getState().receiveTrace(simulate(scenario), scenario, 0);
  };
  run();
  store.subscribe(run);
}

describe('url sync', () => {
  it('coalesces replace-writes during a drag but writes pushes at once', async () => {
    const win = new FakeWindow('');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 20 });
    autoSimulate(store);
    await new Promise((r) => setTimeout(r, 30));
    expect(win.entries).toEqual(['?v=1']);
    for (const v of [1500, 1400, 1300]) store.getState().setParam('migDelay', v, { transient: true });
    expect(win.entries).toEqual(['?v=1']);
    await new Promise((r) => setTimeout(r, 30));
    expect(win.entries).toEqual(['?v=1&migDelay=1300']);
    store.getState().setFix(true);
    expect(win.entries).toEqual(['?v=1&migDelay=1300', '?v=1&fix=1&migDelay=1300']);
    expect(shareableUrl(store, { origin: 'http://x', pathname: '/', search: '' })).toBe('http://x/?v=1&fix=1&migDelay=1300');
  });

  it('loads the scenario and cursor from the URL, with notices for bad keys', () => {
    const win = new FakeWindow('?v=1&fix=1&migDelay=abc&step=4');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    expect(store.getState().scenario.fix).toBe(true);
    expect(store.getState().cursor).toBe(3); // step=4 is the fourth step
    expect(store.getState().notices.map((n) => n.text)).toEqual([expect.stringMatching(/^migDelay="abc"/)]);
    // The URL is rewritten to the clean form (replace, not push).
    expect(win.entries).toEqual(['?v=1&fix=1&step=4']);
  });

  it('replaces the entry while dragging and pushes discrete changes; Back restores', () => {
    const win = new FakeWindow('');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    expect(win.entries).toEqual(['?v=1']);
    store.getState().setParam('migDelay', 1500, { transient: true });
    store.getState().setParam('migDelay', 1400, { transient: true });
    expect(win.entries).toEqual(['?v=1&migDelay=1400']);
    store.getState().setFix(true);
    expect(win.entries).toEqual(['?v=1&migDelay=1400', '?v=1&fix=1&migDelay=1400']);
    store.getState().first();
    expect(win.entries.at(-1)).toBe('?v=1&fix=1&migDelay=1400&step=1');
    win.back();
    expect(store.getState().scenario.fix).toBe(true);
    expect(store.getState().cursor).toBe(store.getState().trace!.steps.length - 1);
    win.back();
    expect(store.getState().scenario.fix).toBe(false);
    expect(store.getState().scenario.migDelay).toBe(1400);
    expect(win.entries).toHaveLength(3);
  });

  it('coalesces a run of steps into one entry; one Back undoes them all', () => {
    const win = new FakeWindow('?v=1&fix=1');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    for (let i = 0; i < 9; i++) store.getState().prev();
    expect(win.entries).toHaveLength(2);
    expect(win.entries[1]).toMatch(/step=\d+$/);
    win.back();
    expect(store.getState().cursor).toBe(store.getState().trace!.steps.length - 1);
    // A deliberate change ends the run: the next steps start a new entry.
    win.forward();
    store.getState().setFix(false);
    store.getState().first();
    store.getState().next();
    expect(win.entries).toHaveLength(4);
    expect(win.entries[2]).toMatch(/^\?v=1&step=\d+$/); // the same step, relocated in the buggy trace
    expect(win.entries[3]).toBe('?v=1&step=2');
  });

  it('playing to the end leaves no entry that repeats the one below', () => {
    const win = new FakeWindow('?v=1');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    store.getState().first();
    expect(win.entries).toEqual(['?v=1', '?v=1&step=1']);
    store.getState().togglePlay();
    while (store.getState().playing) store.getState().tick();
    // The run of steps came back to where it began: its entry went, the current one is the start.
    expect(win.index).toBe(0);
    expect(win.location.search).toBe('?v=1');
    expect(store.getState().cursor).toBe(store.getState().trace!.steps.length - 1);
  });

  it('keeps the visible range in the URL: from a link, from zooming (one entry), and back', () => {
    const win = new FakeWindow('?v=1&t0=2000&t1=3000');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    expect(store.getState().timeDomain).toEqual([2000, 3000]);
    expect(win.entries).toEqual(['?v=1&t0=2000&t1=3000']);
    for (const end of [2900, 2800, 2700]) store.getState().setTimeDomain([2000, end]);
    expect(win.entries).toEqual(['?v=1&t0=2000&t1=3000', '?v=1&t0=2000&t1=2700']);
    // Zooming back out to the whole trace is the default view: no range in the URL.
    store.getState().setTimeDomain([0, 1e9]);
    expect(store.getState().timeDomain).toBeNull();
    expect(win.location.search).toBe('?v=1');
    win.back();
    expect(store.getState().timeDomain).toEqual([2000, 3000]);
  });

  it('keeps the side-by-side view in the URL as compare=1, one entry per toggle', () => {
    const win = new FakeWindow('?v=1&compare=1');
    const store = createAppStore();
    connectUrl(store, win, { replaceDelayMs: 0 });
    autoSimulate(store);
    expect(store.getState().compare).toBe(true);
    expect(win.entries).toEqual(['?v=1&compare=1']);
    store.getState().setCompare(false);
    expect(win.entries).toEqual(['?v=1&compare=1', '?v=1']);
    win.back();
    expect(store.getState().compare).toBe(true);
  });
});
