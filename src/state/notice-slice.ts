/**
 * Messages to the user: bad URL keys, model limits, worker failures, exports and imports ('file'),
 * and the sweep workers (race map, nearest flip, odds).
 */
import type { SliceCreator } from './store';

export type NoticeSource = 'url' | 'input' | 'model' | 'worker' | 'share' | 'file' | 'sweep';
export type NoticeLevel = 'info' | 'warning' | 'error';

export interface UiNotice {
  readonly id: number;
  readonly source: NoticeSource;
  readonly level: NoticeLevel;
  /** Plain text, rendered as text only (it may quote the URL). */
  readonly text: string;
}

export interface NoticeSlice {
  readonly notices: readonly UiNotice[];
  addNotice(notice: Omit<UiNotice, 'id'>): void;
  dismissNotice(id: number): void;
  /** Drop every notice from one source (e.g. a new model run replaces the old limit message). */
  clearNotices(source: NoticeSource): void;
}

/** Keep the list readable whatever a URL throws at it. */
const MAX_NOTICES = 8;

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set, get) => {
  // Per store, so two stores (tests, a second app) never share or race for ids.
  let nextNoticeId = 1;
  return {
    notices: [],
    addNotice(notice) {
      const existing = get().notices;
      if (existing.some((n) => n.text === notice.text && n.source === notice.source)) return;
      set({ notices: [...existing, { ...notice, id: nextNoticeId++ }].slice(-MAX_NOTICES) });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    clearNotices(source) {
      if (get().notices.some((n) => n.source === source)) set({ notices: get().notices.filter((n) => n.source !== source) });
    },
  };
};
