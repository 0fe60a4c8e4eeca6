import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ensureClientBuilt } from '../../test/e2e/support/ensure-client-built';
import { CHROMIUM_PATH, launchBrowser } from '../../test/e2e/support/launch-browser';
import { figure, type Benchmark, type Figure } from '../lib/benchmark';
import { recordFrameIntervals } from '../lib/frame-recorder';
import { startBenchServer } from '../lib/start-bench-server';
import { gridWorkflow } from '../lib/grid-workflow';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize, type Summary } from '../lib/summarize';

const SIZES = [200, 500, 1000];
const FRAME_P95_MS = 20;
const INTERACTIVE_MS = 1500;
const STEPS = 90;

/**
 * The canvas in headless Chromium at 200/500/1000 nodes: time until a stored workflow opened by
 * URL shows its nodes and answers a frame, then rAF frame intervals while panning the pane,
 * dragging a node and streaming a run into the nodes. The baseline is the idle page's own frame
 * pacing, measured in the same browser.
 */
export const canvasFrames: Benchmark = {
  name: 'canvas-frames',
  description: `Canvas in headless Chromium at ${SIZES.join('/')} nodes: open time and frame intervals while panning, dragging, streaming`,
  async run() {
    if (!existsSync(CHROMIUM_PATH)) return { figures: [], baseline: {}, samples: {}, skipped: `no Chromium at ${CHROMIUM_PATH}` };
    ensureClientBuilt();
    const simulator = await startSimulatorProcess({ firstTokenMs: 100, tokensPerSecond: 40 });
    const server = await startBenchServer(simulator.url);
    const browser = await launchBrowser();
    const figures: Figure[] = [];
    const samples: Record<string, Summary> = {};
    const baseline: Record<string, number | string> = {};
    const notes: string[] = [];
    try {
      // Its own context: a later hash-only navigation in the same page would not reload the app.
      const idleContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const idlePage = await idleContext.newPage();
      await idlePage.goto(server.url);
      baseline['idle page frame interval p95 (ms)'] = summarize(await recordFrameIntervals(idlePage, () => idlePage.waitForTimeout(1500))).p95;
      await idleContext.close();
      for (const size of SIZES) {
        const workflow = gridWorkflow(size);
        const stored = await fetch(`${server.url}/api/workflows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workflow) });
        if (stored.status >= 300) {
          const refusal = (await stored.json()) as { error?: { message: string } };
          notes.push(`${size} nodes: the server refused the workflow (${stored.status}: ${refusal.error?.message ?? 'no message'}), so it cannot be opened or measured.`);
          figures.push(figure(`${size} nodes: workflow accepted by the server`, 0, 'yes=1', '>=', 1));
          continue;
        }
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        try {
          const interactive = await openByUrl(page, server.url, workflow.id).catch((error: unknown) => {
            throw new Error(`The canvas did not show the ${size}-node workflow (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); page errors: ${pageErrors.join(' | ') || 'none'}`);
          });
          baseline[`${size} nodes: open → interactive (ms)`] = interactive;
          if (size === 1000) figures.push(figure('1000 nodes: open → interactive', interactive, 'ms', '<=', INTERACTIVE_MS));
          await waitForSteadyViewport(page);

          const pan = summarize(await recordFrameIntervals(page, () => panPane(page)));
          const drag = summarize(await recordFrameIntervals(page, () => dragNode(page)));
          const stream = summarize(await recordFrameIntervals(page, () => streamRun(page)));
          await cancelLatestRun(server.url, workflow.id);
          Object.assign(samples, { [`pan${size}`]: pan, [`drag${size}`]: drag, [`stream${size}`]: stream });
          figures.push(
            figure(`${size} nodes: frame interval p95 while panning`, pan.p95, 'ms', '<=', FRAME_P95_MS),
            figure(`${size} nodes: frame interval p95 while dragging a node`, drag.p95, 'ms', '<=', FRAME_P95_MS),
            figure(`${size} nodes: frame interval p95 while streaming`, stream.p95, 'ms', '<=', FRAME_P95_MS),
          );
        } finally {
          await context.close();
        }
      }
      return { figures, baseline, samples, notes };
    } finally {
      await browser.close();
      await server.close();
      await simulator.close();
    }
  },
};

/** ms from navigation start until the stored workflow's nodes are on screen and a frame runs. */
async function openByUrl(page: Page, baseUrl: string, id: string): Promise<number> {
  await page.goto(`${baseUrl}/#/w/${encodeURIComponent(id)}`);
  await page.locator('.react-flow__node[data-id="input"]').waitFor({ timeout: 30_000 });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

async function waitForSteadyViewport(page: Page): Promise<void> {
  // Strings, not functions: see frame-recorder.ts (tsx keepNames).
  await page.waitForFunction(
    `new Promise((resolve) => {
      const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
      const first = read();
      setTimeout(() => resolve(read() === first), 300);
    })`,
    undefined,
    { timeout: 15_000 },
  );
}

/** Drags on an empty spot of the pane (found by hit-testing), which pans the viewport. */
async function panPane(page: Page): Promise<void> {
  const spot = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (let y = pane.top + 40; y < pane.bottom - 40; y += 7) {
      for (let x = pane.left + 40; x < pane.right - 360; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  })()`);
  if (!spot) throw new Error('No empty spot on the pane to pan from.');
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  for (let step = 1; step <= STEPS; step++) await page.mouse.move(spot.x + step * 3, spot.y + step * 2);
  await page.mouse.up();
}

async function dragNode(page: Page): Promise<void> {
  // Any node fully on screen: the canvas may lay the graph out differently from the file.
  const spot = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      if (pane && box.width > 0 && box.left > pane.left + 10 && box.right < pane.right - 200 && box.top > pane.top + 10 && box.bottom < pane.bottom - 100) return { x: box.left + box.width / 2, y: box.top + Math.min(12, box.height / 2) };
    }
    return null;
  })()`);
  if (!spot) throw new Error('No node fully on screen to drag.');
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  for (let step = 1; step <= STEPS; step++) await page.mouse.move(spot.x + step * 2, spot.y + step);
  await page.mouse.up();
}

/** Starts a run from the UI and records while text streams into the running nodes. */
async function streamRun(page: Page): Promise<void> {
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-button').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-status="running"] [data-testid="node-stream"]')].some((stream) => (stream.textContent ?? '').trim().length > 0), undefined, { timeout: 30_000 });
  await page.waitForTimeout(2000);
}

async function cancelLatestRun(baseUrl: string, workflowId: string): Promise<void> {
  const listed = (await (await fetch(`${baseUrl}/api/runs?workflowId=${workflowId}&limit=5`)).json()) as { runs: { id: string; status: string }[] };
  for (const run of listed.runs) if (run.status === 'running') await fetch(`${baseUrl}/api/runs/${run.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}
