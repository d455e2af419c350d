/**
 * Keyboard stepping: Left/Right, Home/End, Space (play/pause). Keys typed
 * into a field or a slider stay with that control; on a focused button only
 * Space stays with the button.
 */
import { useEffect } from 'react';
import { useAppStore } from '../store-context';

/** Does this key belong to the focused element rather than to stepping? */
function ownedByTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  // Fields, selects and sliders use arrows, Home/End and Space themselves.
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  // Buttons, links and summaries only use Space (and Enter) to activate.
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return key === ' ';
  return false;
}

export function usePlaybackKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownedByTarget(e.target, e.key)) return;
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
