/**
 * Keyboard stepping: Left/Right, Home/End, Space (play/pause). Keys typed
 * into a field or a slider stay with that control.
 */
import { useEffect } from 'react';
import { useAppStore } from '../store-context';

function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A';
}

export function usePlaybackKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isInteractive(e.target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ArrowRight: s.next,
        ArrowLeft: s.prev,
        Home: s.first,
        End: s.last,
        ' ': s.togglePlay,
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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
