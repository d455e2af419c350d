import { describe, expect, it } from 'vitest';
import { wheelZooms } from './wheel-policy';

describe('wheelZooms', () => {
  it('zooms when nothing around the timeline scrolls', () => {
    expect(wheelZooms({ modifier: false, engaged: false, scrollable: false })).toBe(true);
  });

  it('lets a scrolling page scroll, unless Ctrl/⌘ is held or the timeline was clicked into', () => {
    expect(wheelZooms({ modifier: false, engaged: false, scrollable: true })).toBe(false);
    expect(wheelZooms({ modifier: true, engaged: false, scrollable: true })).toBe(true);
    expect(wheelZooms({ modifier: false, engaged: true, scrollable: true })).toBe(true);
  });
});
