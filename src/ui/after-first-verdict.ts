/**
 * Start-up order: the first verdict first. What only some users need (the
 * sweeps behind the race map, the nearest flip and the odds; the schedule
 * explorer; their panels' code) starts once the frame that shows the first
 * verdict has been painted, so it does not compete with it for the network
 * and the two cores.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../state/after-paint';
import { selectVerdictShown } from '../state/selectors';
import type { AppStore } from '../state/store';
import { useApp } from './store-context';

/** Call `start` once, after the first verdict is on screen. */
export function afterFirstVerdict(store: AppStore, start: () => void): void {
  if (selectVerdictShown(store.getState())) {
    afterNextPaint(start);
    return;
  }
  const unsubscribe = store.subscribe((state) => {
    if (!selectVerdictShown(state)) return;
    unsubscribe();
    afterNextPaint(start);
  });
}

/** True from the frame after the first verdict was painted on. */
export function useAfterFirstVerdict(): boolean {
  const shown = useApp(selectVerdictShown);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!shown || ready) return undefined;
    return afterNextPaint(() => setReady(true));
  }, [shown, ready]);
  return ready;
}
