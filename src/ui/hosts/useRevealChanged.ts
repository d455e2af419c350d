/**
 * Each bottom panel scrolls inside itself, so what the selected step changed
 * may sit below the fold. When the cursor moves, scroll the panel (only the
 * panel, never the page) just enough to show the first changed element.
 */
import { type RefObject, useEffect } from 'react';

/** Room left above the element for the panel's sticky title. */
const STICKY_ROOM = 36;

/**
 * `anchor` is an element whose parent is the scrolling panel; when the anchor
 * itself sticks to the panel's bottom (the hosts' legend), the room it covers
 * does not count as visible.
 */
export function useRevealChanged(anchor: RefObject<HTMLElement | null>, selector: string, cursor: number): void {
  useEffect(() => {
    const footer = anchor.current;
    const container = footer?.parentElement;
    const target = container?.querySelector<HTMLElement>(selector);
    if (!footer || !container || !target) return;
    const box = container.getBoundingClientRect();
    const covered = getComputedStyle(footer).position === 'sticky' ? footer.getBoundingClientRect().height : 0;
    const bottom = box.bottom - covered;
    const el = target.getBoundingClientRect();
    if (el.top < box.top + STICKY_ROOM) container.scrollTop -= box.top + STICKY_ROOM - el.top;
    else if (el.bottom > bottom) container.scrollTop += Math.min(el.bottom - bottom + 8, el.top - box.top - STICKY_ROOM);
  }, [anchor, selector, cursor]);
}
