import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.TRELLIS_PORT ?? 5170);
const apiOrigin = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: {
      '/api': {
        target: apiOrigin,
        // The API refuses foreign Host and Origin headers (DNS rebinding, CSRF). Through this
        // loopback dev proxy the page is the API's own client, so present it as same-origin.
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin') !== undefined) request.setHeader('origin', apiOrigin);
          });
        },
      },
    },
  },
});
