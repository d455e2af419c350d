import { schemeTableau10 } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { TABLEAU10 } from './theme';

describe('theme', () => {
  it("writes out d3's Tableau10 exactly (the exported pictures take theirs from d3)", () => {
    expect([...TABLEAU10]).toEqual([...schemeTableau10]);
  });
});
