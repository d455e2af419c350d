import { describe, expect, it } from 'vitest';
import { type FocusKind, stepKeyAction } from './step-keys';

const press = (key: string, focus: FocusKind, dragged = false, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean }> = {}) =>
  stepKeyAction({ key, ctrl: false, meta: false, alt: false, ...mods }, focus, dragged);

describe('stepKeyAction', () => {
  it('steps from anywhere that is not a text field', () => {
    for (const focus of ['other', 'select', 'checkbox'] as const) {
      expect(press('End', focus)).toBe('last');
      expect(press('Home', focus)).toBe('first');
      expect(press('ArrowRight', focus)).toBe('next');
      expect(press('ArrowLeft', focus)).toBe('prev');
      expect(press(' ', focus)).toBe('play');
    }
    expect(press('ArrowRight', 'text')).toBeNull();
    expect(press('j', 'text')).toBeNull();
  });

  it('has keys no control uses: j/k and ]/[', () => {
    for (const focus of ['other', 'select', 'checkbox', 'button', 'slider'] as const) {
      expect(press('j', focus)).toBe('next');
      expect(press(']', focus)).toBe('next');
      expect(press('k', focus)).toBe('prev');
      expect(press('[', focus)).toBe('prev');
    }
  });

  it('leaves a slider its own keys, and every key while it is dragged', () => {
    expect(press('ArrowLeft', 'slider')).toBeNull();
    expect(press('End', 'slider')).toBeNull();
    expect(press(' ', 'slider')).toBe('play');
    expect(press('j', 'slider', true)).toBeNull();
  });

  it('leaves Space and Enter to buttons; Enter toggles a checkbox; Up/Down stay with a select', () => {
    expect(press(' ', 'button')).toBeNull();
    expect(press('Enter', 'button')).toBeNull();
    expect(press('ArrowRight', 'button')).toBe('next');
    expect(press('Enter', 'checkbox')).toBe('toggle-checkbox');
    expect(press('ArrowDown', 'select')).toBeNull();
  });

  it('z zooms to the race, except in a text field', () => {
    expect(press('z', 'other')).toBe('race');
    expect(press('z', 'select')).toBe('race');
    expect(press('z', 'text')).toBeNull();
  });

  it('the key help opens with ? and closes with Escape; modifier chords are never taken', () => {
    expect(press('?', 'other')).toBe('help');
    expect(press('Escape', 'other')).toBe('close-help');
    expect(press('ArrowRight', 'other', false, { ctrl: true })).toBeNull();
    expect(press('[', 'other', false, { meta: true })).toBeNull();
  });
});
