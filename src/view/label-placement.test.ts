import { describe, expect, it } from 'vitest';
import { estimateTextWidth, type LabelRequest, placeLabelRows, placeLabels } from './label-placement';

const request = (id: string, x: number, priority: number, ...texts: string[]): LabelRequest => ({
  id, x, priority, variants: texts.map((text) => ({ text, width: estimateTextWidth(text, 10) })),
});

describe('placeLabels', () => {
  it('centres labels that have room', () => {
    const [a] = placeLabels([request('a', 100, 1, 'snapshot 1')], [0, 500]);
    expect(a).toMatchObject({ id: 'a', anchor: 'middle', x: 100, text: 'snapshot 1' });
  });

  it('never overlaps: the lower priority moves aside, then shortens, then drops', () => {
    const high = { ...request('high', 100, 9, 'snapshot 2', 'S2'), anchors: ['end', 'middle', 'start'] as const };
    const placed = placeLabels([request('low', 106, 1, 'clean_usage', 'clean'), high, request('mid', 105, 5, 'PCI freed', 'freed')], [0, 500]);
    expect(placed.map((p) => [p.id, p.anchor])).toEqual([['high', 'end'], ['mid', 'start']]);
    expect(placed[1]!.left).toBeGreaterThanOrEqual(placed[0]!.right + 4);
  });

  it('a centred label blocks both sides of its point', () => {
    const placed = placeLabels([request('high', 100, 9, 'snapshot 2'), request('mid', 101, 5, 'PCI freed', 'freed')], [0, 500]);
    expect(placed.map((p) => p.id)).toEqual(['high']);
  });

  it('never lets a label reach over another labelled point (labels keep the order of their points)', () => {
    const s2 = { ...request('s2', 100, 9, 'snapshot 2'), anchors: ['start'] as const };
    const clean = { ...request('clean', 100.5, 1, 'clean_usage', 'clean'), anchors: ['end'] as const };
    expect(placeLabels([s2, clean], [0, 500]).map((p) => p.id)).toEqual(['s2']);
  });

  it('uses a shorter variant before giving up', () => {
    const placed = placeLabels([request('a', 50, 2, 'snapshot 1'), request('b', 90, 1, 'snapshot 2', 'S2')], [0, 120]);
    expect(placed.find((p) => p.id === 'b')?.text).toBe('S2');
  });

  it('keeps labels inside the bounds', () => {
    const [edge] = placeLabels([request('edge', 2, 1, 'snapshot 1')], [0, 500]);
    expect(edge!.anchor).toBe('start');
    expect(edge!.left).toBeGreaterThanOrEqual(0);
    expect(placeLabels([request('none', 2, 1, 'too long a label')], [0, 20])).toEqual([]);
  });
});

describe('placeLabelRows', () => {
  it('puts a label in its first row with room, by priority across rows', () => {
    const busy = request('busy', 100, 9, 'snapshot 2');
    const link = request('link', 100, 5, 'S2 read 941 ms late');
    const rows = placeLabelRows(2, [{ request: busy, rows: [0] }, { request: link, rows: [0, 1] }], [0, 160]);
    expect(rows[0]!.map((p) => p.id)).toEqual(['busy']);
    expect(rows[1]!.map((p) => p.id)).toEqual(['link']);
  });
  it('drops a label that fits nowhere', () => {
    const wide = request('wide', 10, 1, 'far too wide for this row');
    expect(placeLabelRows(1, [{ request: wide, rows: [0] }], [0, 40])).toEqual([[]]);
  });
});

describe('estimateTextWidth', () => {
  it('grows with the text and the font', () => {
    expect(estimateTextWidth('S1', 10)).toBeLessThan(estimateTextWidth('snapshot 1', 10));
    expect(estimateTextWidth('S1', 10)).toBeLessThan(estimateTextWidth('S1', 14));
  });
});
