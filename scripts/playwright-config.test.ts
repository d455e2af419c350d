/** CI settings of the end-to-end suite that keep flaky tests visible. */
import { describe, expect, it, vi } from 'vitest';

describe('playwright.config under CI', () => {
  it('retries once for a trace, but a test that passes only on retry fails the run', async () => {
    vi.stubEnv('CI', '1');
    vi.resetModules();
    const { default: config } = await import('../playwright.config');
    expect(config.retries).toBe(1);
    expect(config.failOnFlakyTests).toBe(true);
    expect(config.forbidOnly).toBe(true);
    vi.unstubAllEnvs();
  });
});
