import { describe, expect, it } from 'vitest';
import { createHistoryChannel, strongerIntent } from './history-intent';
import { planHistoryWrite } from './history-plan';

describe('history intents', () => {
  it('the stronger intent wins: push > steps > zoom > replace', () => {
    expect(strongerIntent(null, 'replace')).toBe('replace');
    expect(strongerIntent('replace', 'zoom')).toBe('zoom');
    expect(strongerIntent('zoom', 'steps')).toBe('steps');
    expect(strongerIntent('push', 'steps')).toBe('push');
    expect(strongerIntent('steps', 'replace')).toBe('steps');
  });

  it('a channel keeps the strongest intent until it is taken', () => {
    const channel = createHistoryChannel();
    expect(channel.take()).toBeNull();
    channel.note('steps');
    channel.note('replace');
    expect(channel.peek()).toBe('steps');
    expect(channel.take()).toBe('steps');
    expect(channel.take()).toBeNull();
  });
});

describe('planHistoryWrite', () => {
  it('pushes deliberate changes and replaces drags, and writes nothing when the URL is already right', () => {
    expect(planHistoryWrite('push', '?v=1', '?v=1&fix=1', null)).toEqual({ write: 'push', open: null });
    expect(planHistoryWrite('replace', '?v=1', '?v=1&migDelay=10', null)).toEqual({ write: 'replace', open: null });
    expect(planHistoryWrite('push', '?v=1', '?v=1', null)).toEqual({ write: 'none', open: null });
  });

  it('the first step of a run pushes, the following ones replace', () => {
    const first = planHistoryWrite('steps', '?v=1', '?v=1&step=3', null);
    expect(first).toEqual({ write: 'push', open: { group: 'steps', below: '?v=1' } });
    expect(planHistoryWrite('steps', '?v=1&step=3', '?v=1&step=4', first.open)).toEqual({ write: 'replace', open: first.open });
  });

  it('a run that returns to the entry below takes its own entry away', () => {
    const open = { group: 'steps', below: '?v=1' } as const;
    expect(planHistoryWrite('steps', '?v=1&step=24', '?v=1', open)).toEqual({ write: 'back', open: null });
  });

  it('another kind of change ends the run', () => {
    const open = { group: 'steps', below: '?v=1' } as const;
    expect(planHistoryWrite('zoom', '?v=1&step=3', '?v=1&step=3&t0=0&t1=9', open)).toEqual({
      write: 'push',
      open: { group: 'zoom', below: '?v=1&step=3' },
    });
    expect(planHistoryWrite('push', '?v=1&step=3', '?v=1&fix=1&step=3', open).open).toBeNull();
  });
});
