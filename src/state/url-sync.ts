/**
 * Keeps the URL and the store in step. The URL holds every input and the
 * selected step; dragging replaces the history entry, discrete changes push
 * one, Back/Forward load the entry's scenario again.
 */
import { scenarioToQuery, parseScenarioQuery, noticeText } from '../url/scenario-query';
import { sameMapSpec } from '../sweep/map-spec';
import type { AppStore } from './store';

export interface HistoryLike {
  readonly location: { readonly search: string; readonly hash: string };
  readonly history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Apply the URL's scenario and cursor to the store, with notices for whatever was wrong. */
export function loadFromUrl(store: AppStore, search: string, fromHistory: boolean): void {
  const parsed = parseScenarioQuery(search);
  const state = store.getState();
  state.clearNotices('url');
  for (const notice of parsed.notices) state.addNotice({ source: 'url', level: 'warning', text: noticeText(notice) });
  const sameScenario = scenarioToQuery(parsed.scenario, null) === scenarioToQuery(state.scenario, null);
  const cursor = parsed.cursor ?? Number.POSITIVE_INFINITY;
  if (sameScenario && state.trace) {
    const last = state.trace.steps.length - 1;
    const mapSpec = sameMapSpec(parsed.map, state.mapSpec) ? state.mapSpec : parsed.map;
    store.setState({ cursor: Math.min(cursor, last), historyIntent: 'none', mapSpec });
    return;
  }
  state.requestCursor(cursor);
  state.loadScenario(parsed.scenario, fromHistory ? 'none' : 'replace');
  // After the scenario: its run is pending, so the URL is not rewritten half-way.
  state.loadMapSpec(parsed.map);
}

/** The query the current state should have, or `null` while a run is pending. */
export function desiredQuery(store: AppStore): string | null {
  const { trace, tracedScenario, scenario, cursor, runStatus, mapSpec } = store.getState();
  if (runStatus !== 'ready' || !trace || tracedScenario !== scenario) return null;
  const last = trace.steps.length - 1;
  return scenarioToQuery(scenario, cursor >= last ? null : cursor, mapSpec);
}

export interface UrlSyncOptions {
  /**
   * Replace-writes (slider drags, playback) are coalesced for this long:
   * browsers throttle frequent history calls, and each costs a few ms.
   * Pushes are written at once. 0 writes everything at once (tests).
   */
  readonly replaceDelayMs?: number;
}

export function connectUrl(store: AppStore, win: HistoryLike, options: UrlSyncOptions = {}): () => void {
  const delay = options.replaceDelayMs ?? 200;
  let pending: ReturnType<typeof setTimeout> | null = null;
  loadFromUrl(store, win.location.search, false);
  const write = (): void => {
    pending = null;
    const query = desiredQuery(store);
    if (query === null) return;
    const target = `?${query}`;
    const intent = store.getState().historyIntent;
    if (target !== win.location.search) {
      const url = `${target}${win.location.hash}`;
      if (intent === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    }
    if (intent !== 'replace') store.setState({ historyIntent: 'replace' });
  };
  const schedule = (): void => {
    if (delay === 0 || store.getState().historyIntent === 'push') {
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
      state.mapSpec !== previous.mapSpec
    ) {
      schedule();
    }
  });
  const onPop = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    loadFromUrl(store, win.location.search, true);
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
