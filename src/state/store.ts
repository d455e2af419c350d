/**
 * The app's one store, built from slices. State creators are plain functions,
 * testable without React (`createAppStore()` in unit tests).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createExploreSlice, type ExploreSlice } from './explore-slice';
import { type CompareSlice, createCompareSlice } from './compare-slice';
import { createHistoryChannel, type HistoryChannel } from './history-intent';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createSweepSlice, type SweepSlice } from './sweep-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type AppState = ScenarioSlice & RunSlice & PlaybackSlice & ViewSlice & NoticeSlice & CompareSlice & ExploreSlice & SweepSlice;

/**
 * The store, and the channel its actions use to tell the URL writer how their
 * change should reach the browser history (kept out of the state: it is about
 * the next write, not about what the user sees).
 */
export type AppStore = StoreApi<AppState> & { readonly history: HistoryChannel };

export interface SliceContext {
  readonly history: HistoryChannel;
}

export type SliceCreator<T> = (set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], context: SliceContext) => T;

/**
 * A new store with its own history channel and notice ids.
 *
 * @example const store = createAppStore(); store.getState().setFix(true); store.history.take() // 'push'
 */
export function createAppStore(): AppStore {
  const history = createHistoryChannel();
  const context: SliceContext = { history };
  const store = createStore<AppState>()((set, get) => ({
    ...createScenarioSlice(set, get, context),
    ...createRunSlice(set, get, context),
    ...createPlaybackSlice(set, get, context),
    ...createViewSlice(set, get, context),
    ...createNoticeSlice(set, get, context),
    ...createCompareSlice(set, get, context),
    ...createExploreSlice(set, get, context),
    ...createSweepSlice(set, get, context),
  }));
  return Object.assign(store, { history });
}
