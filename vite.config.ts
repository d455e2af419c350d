import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
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

/**
 * src/boot.ts, a tiny script that starts the simulation worker while the
 * app's bundle loads, is its own entry and runs as soon as it has loaded
 * (`async`, after the page's Content-Security-Policy): Vite would merge a
 * second module script in index.html into the app's entry, so the tag is
 * added here (the built file in a build, the source in development), and
 * before the app's scripts and preloads: a browser fetches a page's scripts
 * six at a time from one server, and ninth in line the boot script (80
 * bytes) had loaded only with the app's bundle, so the worker started late.
 */
function bootFirst(): Plugin {
  return {
    name: 'racelab:boot-first',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = ctx.bundle ? Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot') : undefined;
        const src = chunk ? `/${chunk.fileName}` : '/src/boot.ts';
        const tag = `<script type="module" async crossorigin src="${src}"></script>`;
        const first = html.search(/<script\b|<link\s[^>]*rel="modulepreload"/);
        return first < 0 ? html.replace('</head>', `    ${tag}\n  </head>`) : `${html.slice(0, first)}${tag}\n    ${html.slice(first)}`;
      },
    },
  };
}

// One config for the app and for Vitest. The worker is an ES module worker.
export default defineConfig({
  plugins: [react(), dropCspInDev(), bootFirst()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: { input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), boot: fileURLToPath(new URL('./src/boot.ts', import.meta.url)) } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
