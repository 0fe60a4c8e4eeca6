/**
 * What the dev proxy (vite.config.ts) forwards as `Origin` to the API. The API refuses any Origin
 * other than its own (CSRF); the page served by Vite is a different origin, so its requests have
 * to be presented as the API's own. Only the page's own origins get that treatment: rewriting
 * every Origin (as the proxy once did) let any site, or any other app on localhost, post runs
 * through the proxy. Anything else passes through unchanged, and the API answers 403.
 */
export function proxiedOrigin(origin: string | undefined, devPort: number, apiOrigin: string): string | undefined {
  if (origin === undefined) return undefined;
  const pageOrigins = [`http://127.0.0.1:${devPort}`, `http://localhost:${devPort}`, `http://[::1]:${devPort}`];
  return pageOrigins.includes(origin) ? apiOrigin : origin;
}
