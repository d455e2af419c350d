import { schemeTableau10 } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { TABLEAU10 } from './palette';

describe('palette', () => {
  it("writes out d3's Tableau10 exactly (written out to keep d3-scale-chromatic out of the start-up bundle)", () => {
    expect([...TABLEAU10]).toEqual([...schemeTableau10]);
  });
});
