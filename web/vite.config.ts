// The web UI's build: root web/, output web/dist (served by `deeds serve`). ECharts is only
// imported dynamically, so Rollup puts it in its own chunk and the first page load stays small.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  // `npm run dev:web` against a `deeds serve --port 8080` running beside it.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
