import type { Locator, Page } from 'playwright-core';

/** The canvas as a user sees it, addressed by data-testid (STYLE §13). */
export class TrellisPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.baseUrl);
    await this.page.getByTestId('simulator-banner').waitFor();
  }

  workflowItem(id: string): Locator {
    return this.page.getByTestId(`workflow-${id}`);
  }

  /** The ids the workflow list shows, top to bottom. */
  async listedWorkflowIds(): Promise<string[]> {
    return this.page.locator('[data-testid^="workflow-"][data-testid]:not([data-testid="workflow-search"]):not([data-testid="workflow-name"]):not([data-testid="workflow-id"])').evaluateAll((elements) =>
      elements.filter((element) => element.closest('.workflow-list')).map((element) => element.getAttribute('data-testid')?.replace(/^workflow-/, '') ?? ''),
    );
  }

  /** A row action (`delete`, `duplicate`) shows on hover, as for a mouse user. */
  async workflowAction(action: 'delete' | 'duplicate', id: string): Promise<void> {
    await this.workflowItem(id).hover();
    await this.page.getByTestId(`${action}-${id}`).click();
  }

  /** Opens a workflow; with `discardChanges`, answers the unsaved-changes question with Discard when it is asked. */
  async openWorkflow(id: string, options: { discardChanges?: boolean } = {}): Promise<void> {
    await this.workflowItem(id).click();
    if (options.discardChanges) {
      const asked = this.page.getByTestId('unsaved-discard');
      const opened = this.page.waitForFunction((wanted) => location.hash === `#/w/${wanted}`, id);
      if ((await Promise.race([asked.waitFor().then(() => 'asked'), opened.then(() => 'opened')])) === 'asked') await asked.click();
    }
    await this.page.waitForFunction((wanted) => location.hash === `#/w/${wanted}`, id);
    await this.node('input').waitFor();
    await this.waitForSteadyViewport();
  }

  async newWorkflow(): Promise<void> {
    await this.page.getByTestId('new-workflow').click();
    await this.waitForSteadyViewport();
  }

  /** The canvas fits the view (animated) after opening and laying out; drags must wait for it. */
  async waitForSteadyViewport(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
          const first = read();
          setTimeout(() => resolve(read() === first), 300);
        }),
      undefined,
      { timeout: 10_000 },
    );
  }

  /** React Flow's wrapper element of a node (it carries `data-id`). */
  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** The node view's root, which carries `data-status`. */
  nodeView(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  async nodeIds(): Promise<string[]> {
    return this.page.locator('.react-flow__node').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-id') ?? ''));
  }

  async waitForStatus(id: string, status: string): Promise<void> {
    await this.page.locator(`[data-testid="node-${id}"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
  }

  async showRunPanel(): Promise<void> {
    await this.page.getByTestId('tab-run').click();
  }

  async showInspector(): Promise<void> {
    await this.page.getByTestId('tab-inspect').click();
  }

  async chooseSample(name: string): Promise<void> {
    await this.showRunPanel();
    await this.page.getByTestId('sample-select').selectOption(name);
  }

  /** The run input opens as a form when the inputs schema allows one; this shows the raw JSON. */
  async showInputJson(): Promise<Locator> {
    await this.showRunPanel();
    const json = this.page.getByTestId('run-input-view-json');
    if (await json.count()) await json.click();
    return this.page.getByTestId('run-input');
  }

  runField(key: string): Locator {
    return this.page.getByTestId(`run-field-${key}`);
  }

  async run(): Promise<void> {
    await this.showRunPanel();
    await this.page.getByTestId('run-button').click();
    await this.page.getByTestId('run-summary').waitFor();
  }

  async waitForRunEnd(): Promise<string> {
    const summary = this.page.locator('[data-testid="run-summary"]:not([data-status="running"])');
    await summary.waitFor({ timeout: 60_000 });
    return (await summary.getAttribute('data-status')) ?? '';
  }

  trace(nodeId: string): Locator {
    return this.page.getByTestId(`trace-${nodeId}`);
  }

  /**
   * A node's trace as a reader goes down it: each text round and each tool call, in screen order,
   * as `text: ...` or `tool: <name>` lines.
   */
  async traceSegments(nodeId: string): Promise<string[]> {
    return this.trace(nodeId)
      .locator('[data-segment]')
      .evaluateAll((elements) =>
        elements.map((element) => (element.getAttribute('data-segment') === 'tool' ? `tool: ${element.querySelector('code')?.textContent ?? ''}` : `text: ${(element.textContent ?? '').trim()}`)),
      );
  }

  async currentRunId(): Promise<string> {
    return (await this.page.locator('[data-testid="run-summary"] code').innerText()).trim();
  }

  /**
   * Records, from inside the page, every node seen with streamed text while its status was still
   * `running` — proof the text arrived before the node completed, whatever the polling speed.
   */
  async recordStreaming(): Promise<void> {
    await this.page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { __streamedWhileRunning: Set<string> }).__streamedWhileRunning = seen;
      const scan = () => {
        for (const view of document.querySelectorAll('[data-status="running"]')) {
          const stream = view.querySelector('[data-testid="node-stream"]');
          const id = view.getAttribute('data-testid')?.replace(/^node-/, '');
          if (id && stream && (stream.textContent ?? '').trim().length > 0) seen.add(id);
        }
      };
      new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
    });
  }

  async streamedWhileRunning(): Promise<string[]> {
    return this.page.evaluate(() => [...(window as unknown as { __streamedWhileRunning: Set<string> }).__streamedWhileRunning].sort());
  }

  /** Drags from one node's handle to another's, as a user connects nodes. */
  async connect(source: string, sourceHandle: string, target: string, targetHandle: string): Promise<void> {
    const from = this.page.locator(`.react-flow__handle[data-nodeid="${source}"][data-handleid="${sourceHandle}"]`);
    const to = this.page.locator(`.react-flow__handle[data-nodeid="${target}"][data-handleid="${targetHandle}"]`);
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`Handle ${source}.${sourceHandle} or ${target}.${targetHandle} is not on screen.`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  edge(source: string, target: string): Locator {
    return this.page.locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`);
  }

  async issueCount(): Promise<number> {
    return Number(await this.page.getByTestId('issues').getAttribute('data-count'));
  }

  /** Asks for the cost preview of the current input and waits for it. */
  async estimate(): Promise<Locator> {
    await this.showRunPanel();
    await this.page.getByTestId('estimate-button').click();
    const result = this.page.getByTestId('estimate-result');
    await result.waitFor({ timeout: 30_000 });
    return result;
  }

  async showDataset(): Promise<void> {
    await this.page.getByTestId('tab-dataset').click();
    await this.page.getByTestId('dataset-view').waitFor();
  }

  /** Uploads a dataset file, picks the mode, starts, and waits for the job to end; returns its status. */
  async runDataset(fileName: string, text: string, mode: 'batch' | 'realtime'): Promise<string> {
    await this.showDataset();
    await this.page.getByTestId('dataset-input').setInputFiles({ name: fileName, mimeType: fileName.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson', buffer: Buffer.from(text) });
    await this.page.getByTestId(`dataset-mode-${mode}`).check();
    await this.page.getByTestId('dataset-start').click();
    await this.page.locator('[data-testid="dataset-job"]').waitFor();
    const ended = this.page.locator('[data-testid="dataset-job"]:not([data-status="running"])');
    await ended.waitFor({ timeout: 90_000 });
    return (await ended.getAttribute('data-status')) ?? '';
  }

  datasetRow(index: number): Locator {
    return this.page.getByTestId(`dataset-row-${index}`);
  }
}
