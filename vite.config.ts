import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset URLs: the same build is served by `specbench serve` and by the desktop app's protocol.
export default defineConfig({
  root: '.',
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
