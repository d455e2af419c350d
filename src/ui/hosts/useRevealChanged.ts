/**
 * Each bottom panel scrolls inside itself, so what the selected step changed
 * may sit below the fold. When the cursor moves, scroll the panel (only the
 * panel, never the page) just enough to show the first changed element.
 */
import { type RefObject, useEffect } from 'react';

/** Room left above the element for the panel's sticky title. */
const STICKY_ROOM = 36;

export function useRevealChanged(anchor: RefObject<HTMLElement | null>, selector: string, cursor: number): void {
  useEffect(() => {
    const container = anchor.current?.parentElement;
    const target = container?.querySelector<HTMLElement>(selector);
    if (!container || !target) return;
    const box = container.getBoundingClientRect();
    const el = target.getBoundingClientRect();
    if (el.top < box.top + STICKY_ROOM) container.scrollTop -= box.top + STICKY_ROOM - el.top;
    else if (el.bottom > box.bottom) container.scrollTop += Math.min(el.bottom - box.bottom + 8, el.top - box.top - STICKY_ROOM);
  }, [anchor, selector, cursor]);
}
