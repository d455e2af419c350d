import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * index.html carries a Content-Security-Policy that forbids inline script.
 * React Refresh needs an inline preamble in development, so the dev server
 * serves the page without the policy; builds (and `vite preview`) keep it.
 */
function dropCspInDev(): Plugin {
  return {
    name: 'racelab:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

// One config for the app and for Vitest. The worker is an ES module worker.
export default defineConfig({
  plugins: [react(), dropCspInDev()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
