import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { noticeText, parseScenarioQuery, scenarioToQuery } from './scenario-query';
import { parseCompare, parseTimeRange, timeRangeParts } from './view-keys';

describe('visible time range keys', () => {
  it('reads a valid pair, nothing when both are absent', () => {
    expect(parseTimeRange('2300', '4400', [])).toEqual([2300, 4400]);
    expect(parseTimeRange('0.5', '12.25', [])).toEqual([0.5, 12.25]);
    expect(parseTimeRange(null, null, [])).toBeNull();
  });

  it('falls back to the default view with one notice for a bad pair', () => {
    const cases: [string | null, string | null, string][] = [
      ['100', null, 't0 needs t1 beside it'],
      [null, '100', 't1 needs t0 beside it'],
      ['abc', '100', 't0="abc" is not a time in ms'],
      ['100', '-5', 't1="-5" is not a time in ms'],
      ['300', '200', 't1="200" is not after t0="300"'],
      ['0', '99999999999', 't1="99999999999" is past 86400000 (24 h)'],
    ];
    for (const [start, end, problem] of cases) {
      const notices: Parameters<typeof parseTimeRange>[2] = [];
      expect(parseTimeRange(start, end, notices)).toBeNull();
      expect(notices.map(noticeText)).toEqual([`${problem}; showing the default view.`]);
    }
  });

  it('writes whole ms that contain the range, nothing for the default view', () => {
    expect(timeRangeParts([2300.4, 4399.6])).toEqual(['t0=2300', 't1=4400']);
    expect(timeRangeParts([10.2, 10.4])).toEqual(['t0=10', 't1=11']);
    expect(timeRangeParts(null)).toEqual([]);
  });

  it('round-trips through the query after the step', () => {
    const query = scenarioToQuery({ ...defaultScenario(), fix: true }, 3, { timeRange: [2300, 4400], compare: true });
    expect(query).toBe('v=1&fix=1&step=4&t0=2300&t1=4400&compare=1');
    expect(parseScenarioQuery(query)).toMatchObject({ cursor: 3, timeRange: [2300, 4400], compare: true, notices: [] });
  });

  it('compare is 0 or 1; anything else is off with a notice', () => {
    expect(parseCompare(null, [])).toBe(false);
    expect(parseCompare('0', [])).toBe(false);
    expect(parseCompare('1', [])).toBe(true);
    const notices: Parameters<typeof parseCompare>[1] = [];
    expect(parseCompare('yes', notices)).toBe(false);
    expect(notices.map(noticeText)).toEqual(['compare="yes" must be 0 or 1; showing one variant.']);
  });
});
