/**
 * The app's one store, built from slices. State creators are plain functions,
 * testable without React (`createAppStore()` in unit tests).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createExploreSlice, type ExploreSlice } from './explore-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createSweepSlice, type SweepSlice } from './sweep-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type AppState = ScenarioSlice & RunSlice & PlaybackSlice & ViewSlice & NoticeSlice & ExploreSlice & SweepSlice;
export type AppStore = StoreApi<AppState>;
export type SliceCreator<T> = (set: AppStore['setState'], get: AppStore['getState']) => T;

export function createAppStore(): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createScenarioSlice(set, get),
    ...createRunSlice(set, get),
    ...createPlaybackSlice(set, get),
    ...createViewSlice(set, get),
    ...createNoticeSlice(set, get),
    ...createExploreSlice(set, get),
    ...createSweepSlice(set, get),
  }));
}
