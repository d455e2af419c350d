import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { scenarioSvg } from './svg';
import { escapeXml, wrapText } from './svg-text';
import { ctxFor } from './test-scenarios';

const svgOf = (overrides: Parameters<typeof ctxFor>[0] = {}, cursor: number | null = null, baseUrl?: string) => {
  const ctx = { ...ctxFor(overrides, cursor), ...(baseUrl ? { baseUrl } : {}) };
  const trace = simulate(ctx.scenario);
  return { trace, svg: scenarioSvg(trace, ctx) };
};

describe('scenarioSvg', () => {
  it('is a 1200 px picture with the verdict, the trace hash, the link and every step name', () => {
    const { trace, svg } = svgOf();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="\d+"/);
    expect(svg).toContain('✗ PCI allocation LOST on host2');
    expect(svg).toContain(`trace #${trace.traceHash}`);
    expect(svg).toContain('Scenario: http://127.0.0.1:5173/?v=1<');
    expect(svg).toContain("Headless: npm run -s simulate -- &#39;v=1&#39;");
    for (const step of trace.steps) expect(svg).toContain(escapeXml(step.name));
    expect(svg).toContain("What host2&#39;s periodic can see of inst-A");
    expect(svg).toContain('⚠ available, but inst-A still uses it');
  });

  it('says kept for the fix, and shows the hosts at the selected step', () => {
    expect(svgOf({ fix: true }).svg).toContain('✓ PCI allocation kept on host2');
    const { svg } = svgOf({}, 10);
    expect(svg).toContain('after step 11 (rebuild_claim, 2343 ms)');
    expect(svg).toContain('?v=1&amp;step=11');
  });

  it('escapes whatever reaches the picture', () => {
    const { svg } = svgOf({}, null, 'http://evil.example/"><script>alert(1)</script>/');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&quot;&gt;&lt;script&gt;');
    expect(escapeXml(`a&b<c>"d'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;');
  });

  it('is deterministic and draws long traces without one element per step', () => {
    const ctx = ctxFor({ preset: 'production', periodicRuns: 600, period: 1000 });
    const trace = simulate(ctx.scenario);
    const svg = scenarioSvg(trace, ctx);
    expect(svg).toBe(scenarioSvg(trace, ctx));
    expect(trace.steps.length).toBeGreaterThan(2000);
    // Dense lanes are merged by src/view's culling, as on screen.
    expect(svg.split('data-step=').length - 1).toBeLessThan(trace.steps.length / 4);
  });
});

describe('wrapText', () => {
  it('wraps at the width and ends a cut text with an ellipsis', () => {
    expect(wrapText('aaaa bbbb cccc', 60, 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapText('aaaa bbbb cccc dddd', 30, 10, 2)).toEqual(['aaaa', 'bbbb …']);
  });
});
