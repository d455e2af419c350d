/**
 * When the wheel over the timeline zooms it, and when it scrolls the page.
 * On a page that scrolls (narrow windows), a wheel that zoomed would trap the
 * reader scrolling past the timeline; there the wheel zooms only with Ctrl/⌘
 * held or after a click into the timeline (until the pointer leaves it or
 * the page scrolls). On a desktop layout nothing scrolls, and the wheel
 * zooms as it always did.
 */

export interface WheelContext {
  /** Ctrl or ⌘ held (a trackpad pinch arrives as a Ctrl+wheel too). */
  readonly modifier: boolean;
  /** The user clicked into the timeline and has not left it or scrolled since. */
  readonly engaged: boolean;
  /** The page, or a box around the timeline, can scroll. */
  readonly scrollable: boolean;
}

/**
 * @example wheelZooms({ modifier: false, engaged: false, scrollable: true }) // false: the page scrolls
 */
export function wheelZooms(context: WheelContext): boolean {
  return context.modifier || context.engaged || !context.scrollable;
}
