import { describe, expect, it } from 'vitest';
import { INSTANCE_COLOR, STATUS_COLOR } from '../theme';
import { contrast, DARK_INK, LIGHT_INK, luminance, readableInk } from './ink';

describe('readableInk', () => {
  it('computes WCAG luminance and contrast', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000')).toBeCloseTo(0);
    expect(luminance('tomato')).toBeNull();
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it('writes white on dark colours and dark ink on light ones', () => {
    expect(readableInk('#1f2933')).toBe(LIGHT_INK);
    expect(readableInk(STATUS_COLOR.claimed)).toBe(DARK_INK);
  });

  it('keeps every owner chip at 4.2:1 or better', () => {
    for (const colour of Object.values(INSTANCE_COLOR)) {
      expect(contrast(colour, readableInk(colour))).toBeGreaterThanOrEqual(4.2);
    }
  });
});
