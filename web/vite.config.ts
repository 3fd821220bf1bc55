import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Candor web app. `npx vite build --config web/vite.config.ts` writes `dist/web`, which
 * `candor serve` serves at `/`; `npx vite --config web/vite.config.ts` serves it with hot reload
 * and forwards `/api` to a `candor serve` on port 3000.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // ECharts (SVG renderer, bar/line/boxplot only) is one lazily loaded chunk of ~550 kB.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
