import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { ensureClientBuilt } from './ensure-client-built';
import { launchBrowser } from './launch-browser';
import { startServer, type TestServer } from './start-server';
import { TrellisPage } from './trellis-page';

export interface E2EContext {
  /** A fresh browser context on the app; uncaught page errors fail the test. */
  newPage(): Promise<TrellisPage>;
  readonly url: string;
  /** Direct API calls, for setting up state and checking what the server stored. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** One server (fresh database) and one Chromium per test file. */
export function setupE2E(): E2EContext {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get url() {
      if (!server) throw new Error('The server is not started yet.');
      return server.url;
    },
    async newPage() {
      if (!browser || !server) throw new Error('setupE2E: beforeAll has not run.');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return new TrellisPage(page, server.url);
    },
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${this.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}
