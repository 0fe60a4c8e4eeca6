import { existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { proxiedOrigin } from './scripts/dev-proxy-origin';

/**
 * Swaps a source module `x.ts` for its sibling `x.browser.ts` when one exists. The shared validator
 * defaults to modules that compile schemas with ajv (code generation, forbidden by the server's
 * CSP); their browser twins do not, so no code-generating module reaches the page at all.
 */
function browserTwins(): Plugin {
  return {
    name: 'trellis-browser-twins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.endsWith('.ts') || resolved.id.endsWith('.browser.ts')) return resolved;
      const twin = resolved.id.replace(/\.ts$/, '.browser.ts');
      return existsSync(twin) ? { ...resolved, id: twin } : resolved;
    },
  };
}

const apiPort = Number(process.env.TRELLIS_PORT ?? 5170);
const apiOrigin = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: 'client',
  plugins: [browserTwins(), react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    port: 5173,
    host: '127.0.0.1',
    // Vite's default CORS answers any localhost origin; the dev page is same-origin and needs none.
    cors: false,
    proxy: {
      '/api': {
        target: apiOrigin,
        // The API refuses foreign Host and Origin headers (DNS rebinding, CSRF). Host is rewritten
        // to the API's; Origin only when it is this dev page's own (scripts/dev-proxy-origin.ts).
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (request, incoming) => {
            const origin = request.getHeader('origin');
            // The port the page was served from is the one this connection arrived on.
            const next = proxiedOrigin(typeof origin === 'string' ? origin : undefined, incoming.socket.localPort ?? 0, apiOrigin);
            if (next !== undefined && next !== origin) request.setHeader('origin', next);
          });
        },
      },
    },
  },
});
