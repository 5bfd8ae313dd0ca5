import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The API (apps/api) serves this build at `/` in production, so the SPA always talks to `/api` on its own
// origin; in development Vite stands in for that by proxying `/api` to the API on :3000.
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

const CHART_MODULES =
  /node_modules[\\/](@mantine[\\/]charts|recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs[\\/]toolkit|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|eventemitter3|decimal\.js-light|tiny-invariant|use-sync-external-store|@standard-schema)[\\/]/;

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // Precompressed copies beside each asset: the API's static server sends `.br`/`.gz` as the browser accepts,
    // so no CPU is spent compressing the same bytes per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json|txt)$/, threshold: 512 }),
  ],
  resolve: {
    // Compile the contracts and the SDK from source: no need to build the libs first, and types and code never drift.
    alias: {
      '@megicai/contracts': here('../../libs/contracts/src/index.ts'),
      '@megicai/sdk': here('../../libs/sdk/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Maps are built for error tooling but not referenced from the bundles, and the server never serves them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across deploys. Other libraries
        // (markdown, highlighting…) go with the lazy pages that use them, never into the first load.
        codeSplitting: {
          groups: [
            // The admin dashboard's charts (recharts and what only it pulls in): loaded with that lazy page, never
            // on first load (the 300 KB budget).
            { name: 'charts', test: CHART_MODULES, priority: 4, includeDependenciesRecursively: false },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
