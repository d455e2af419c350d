/**
 * Keyboard stepping, wherever focus is (see `stepKeyAction` for what each
 * kind of control keeps for itself), and the playback timer.
 */
import { useEffect } from 'react';
import type { AppState } from '../../state/store';
import { tracesOnScreen } from '../../state/time-view';
import { raceFramingOf } from '../../view/race-span';
import { useAppStore } from '../store-context';
import { focusKind, type StepAction, stepKeyAction } from './step-keys';

function run(action: StepAction, s: AppState, target: EventTarget | null): void {
  switch (action) {
    case 'next':
      return s.next();
    case 'prev':
      return s.prev();
    case 'first':
      return s.first();
    case 'last':
      return s.last();
    case 'play':
      return s.togglePlay();
    case 'race': {
      const race = raceFramingOf(tracesOnScreen(s));
      if (race) s.setTimeDomain(race);
      return undefined;
    }
    case 'help':
      return s.setKeyHelpOpen(!s.keyHelpOpen);
    case 'close-help':
      return s.setKeyHelpOpen(false);
    case 'toggle-checkbox':
      if (target instanceof HTMLInputElement) target.click();
      return undefined;
  }
}

export function usePlaybackKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    // A slider held by the pointer is being dragged: a key then must not step.
    let sliderDragged = false;
    const onPointerDown = (e: PointerEvent): void => {
      sliderDragged = e.target instanceof HTMLInputElement && e.target.type === 'range';
    };
    const onPointerUp = (): void => {
      sliderDragged = false;
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const action = stepKeyAction({ key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey }, focusKind(e.target), sliderDragged);
      if (action === null) return;
      if (action === 'close-help' && !store.getState().keyHelpOpen) return;
      // Also keeps a select from changing and a checkbox from toggling on the same key.
      e.preventDefault();
      run(action, store.getState(), e.target);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('pointercancel', onPointerUp, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
    };
  }, [store]);
}

/** Advance while playing, at the chosen speed. */
export function usePlaybackTimer(): void {
  const store = useAppStore();
  useEffect(() => {
    let timer: number | undefined;
    const restart = (): void => {
      window.clearInterval(timer);
      timer = undefined;
      const { playing, speed } = store.getState();
      if (playing) timer = window.setInterval(() => store.getState().tick(), 1000 / speed);
    };
    restart();
    const unsubscribe = store.subscribe((s, p) => {
      if (s.playing !== p.playing || s.speed !== p.speed) restart();
    });
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [store]);
}
