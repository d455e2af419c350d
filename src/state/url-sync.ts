/**
 * Keeps the URL and the store in step. The URL holds every input and the
 * selected step. Each write asks the store's history channel how the change
 * should reach the history (see `planHistoryWrite`): deliberate changes push
 * an entry, drags replace it, runs of steps or zooms share one entry;
 * Back/Forward load the entry's scenario again.
 */
import { noticeText, parseScenarioQuery, scenarioToQuery } from '../url/scenario-query';
import { sameMapSpec } from '../sweep/map-spec';
import { type OpenGroup, planHistoryWrite } from './history-plan';
import type { AppStore } from './store';
import { fitDomain, tracesOnScreen } from './time-view';

export interface HistoryLike {
  readonly location: { readonly search: string; readonly hash: string };
  readonly history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
    back(): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Apply the URL's scenario and cursor to the store, with notices for whatever was wrong. */
export function loadFromUrl(store: AppStore, search: string): void {
  const parsed = parseScenarioQuery(search);
  const state = store.getState();
  state.clearNotices('url');
  for (const notice of parsed.notices) state.addNotice({ source: 'url', level: 'warning', text: noticeText(notice) });
  if (parsed.ignored.length > 0) {
    const keys = parsed.ignored.join(', ');
    state.addNotice({ source: 'url', level: 'info', text: `Race ${parsed.scenario.race} does not read ${keys}: kept in the link, ignored by the simulation.` });
  }
  const sameScenario = scenarioToQuery(parsed.scenario, null) === scenarioToQuery(state.scenario, null);
  const cursor = parsed.cursor ?? Number.POSITIVE_INFINITY;
  // Loading an entry only ever rewrites it (to its clean form), never adds one.
  store.history.note('replace');
  state.setCompare(parsed.compare, 'replace');
  if (sameScenario && state.trace) {
    const last = state.trace.steps.length - 1;
    const mapSpec = sameMapSpec(parsed.map, state.mapSpec) ? state.mapSpec : parsed.map;
    store.setState({ cursor: Math.min(cursor, last), timeDomain: fitDomain(parsed.timeRange, tracesOnScreen(store.getState())), mapSpec });
    return;
  }
  state.requestCursor(cursor);
  state.requestTimeDomain(parsed.timeRange);
  state.loadScenario(parsed.scenario, 'replace');
  // After the scenario: its run is pending, so the URL is not rewritten half-way.
  state.loadMapSpec(parsed.map);
}

/** The query the current state should have, or `null` while a run is pending. */
export function desiredQuery(store: AppStore): string | null {
  const { trace, tracedScenario, scenario, cursor, runStatus, timeDomain, compare, mapSpec } = store.getState();
  if (runStatus !== 'ready' || !trace || tracedScenario !== scenario) return null;
  const last = trace.steps.length - 1;
  return scenarioToQuery(scenario, cursor >= last ? null : cursor, { timeRange: timeDomain, compare, map: mapSpec });
}

export interface UrlSyncOptions {
  /**
   * Writes that do not push (drags, steps, zooms) are coalesced for this
   * long: browsers throttle frequent history calls, and each costs a few ms.
   * Pushes are written at once. 0 writes everything at once (tests).
   */
  readonly replaceDelayMs?: number;
}

export function connectUrl(store: AppStore, win: HistoryLike, options: UrlSyncOptions = {}): () => void {
  const delay = options.replaceDelayMs ?? 200;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let open: OpenGroup | null = null;
  /** The URL our own history.back() is heading for: its popstate is ours, not the user's. */
  let ownBack: string | null = null;
  loadFromUrl(store, win.location.search);
  const write = (): void => {
    pending = null;
    const query = desiredQuery(store);
    // While a run is pending the intent stays noted for the write that follows it.
    if (query === null) return;
    const target = `?${query}`;
    const current = win.location.search;
    const plan = planHistoryWrite(store.history.take() ?? 'replace', current, target, open);
    open = plan.open;
    const url = `${target}${win.location.hash}`;
    if (plan.write === 'push') win.history.pushState(null, '', url);
    else if (plan.write === 'replace') win.history.replaceState(null, '', url);
    else if (plan.write === 'back') {
      ownBack = target;
      win.history.back();
    }
  };
  const schedule = (): void => {
    if (delay === 0 || store.history.peek() === 'push') {
      if (pending !== null) clearTimeout(pending);
      write();
    } else if (pending === null) {
      pending = setTimeout(write, delay);
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.trace !== previous.trace ||
      state.cursor !== previous.cursor ||
      state.runStatus !== previous.runStatus ||
      state.scenario !== previous.scenario ||
      state.timeDomain !== previous.timeDomain ||
      state.compare !== previous.compare ||
      state.mapSpec !== previous.mapSpec
    ) {
      schedule();
    }
  });
  const onPop = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    open = null;
    const ours = ownBack !== null && win.location.search === ownBack;
    ownBack = null;
    if (!ours) loadFromUrl(store, win.location.search);
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    if (pending !== null) clearTimeout(pending);
    win.removeEventListener('popstate', onPop);
  };
}

/** The link to what is on screen now (even before a coalesced URL write lands). */
export function shareableUrl(store: AppStore, location: { origin: string; pathname: string; search: string }): string {
  const query = desiredQuery(store);
  return `${location.origin}${location.pathname}${query === null ? location.search : `?${query}`}`;
}
