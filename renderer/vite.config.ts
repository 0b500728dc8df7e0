import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative URLs: the window loads the build from file:// in Electron and from a fake origin in the e2e harness.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Never inline assets as data: URLs — the CSP's font-src 'self' would refuse an inlined font.
    assetsInlineLimit: 0,
    // The modulepreload polyfill is unneeded in Chromium and would add code we do not use.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The passphrase-strength dictionary (zxcvbn) makes one ~0.9 MB chunk; loaded from disk, that is fine.
    chunkSizeWarningLimit: 1500,
  },
});
