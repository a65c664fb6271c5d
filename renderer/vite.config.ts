import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Root is renderer/; the bundle lands in dist/renderer where the Electron window and the web host load it.
// base './' keeps asset URLs relative so the same build works from file:// (Electron) and http:// (web host).
// import.meta.dirname (Node >= 20.11) instead of node:url: the renderer folder may not import Node built-ins.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The CSP forbids inline scripts: keep every asset a separate file.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
