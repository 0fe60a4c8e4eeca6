import type { Locator, Page } from 'playwright-core';

/** The model, effort and thinking fields of the selected Claude node's inspector, and its issues (STYLE §13). */
export class ClaudeSettingsForm {
  constructor(readonly page: Page) {}

  get model(): Locator {
    return this.page.getByTestId('model-picker');
  }

  get effort(): Locator {
    return this.page.getByTestId('effort-select');
  }

  get thinking(): Locator {
    return this.page.getByTestId('thinking-mode');
  }

  get display(): Locator {
    return this.page.getByTestId('thinking-display');
  }

  get budget(): Locator {
    return this.page.getByTestId('thinking-budget');
  }

  async chooseModel(id: string): Promise<void> {
    await this.model.selectOption(id);
  }

  async setEffort(level: string): Promise<void> {
    await this.effort.selectOption(level);
  }

  async setThinking(type: string): Promise<void> {
    await this.thinking.selectOption(type);
  }

  /** The option values of a select ('' is "model default"). */
  optionValues(select: Locator): Promise<string[]> {
    return select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  }

  async isMarkedInvalid(select: Locator): Promise<boolean> {
    return (await select.getAttribute('data-invalid')) === 'true';
  }

  /** One of the node's issues at the top of the inspector, by rule (`model.effort`, …). */
  nodeIssue(rule: string): Locator {
    return this.page.locator(`[data-testid="node-issue"][data-rule="${rule}"]`);
  }

  async applyNodeFix(rule: string): Promise<string> {
    const button = this.nodeIssue(rule).getByTestId('node-issue-fix');
    const label = await button.innerText();
    await button.click();
    return label;
  }

  /** An entry of the issues list under the canvas, by rule. */
  listedIssue(rule: string): Locator {
    return this.page.locator(`[data-testid="issue-item"][data-rule="${rule}"]`);
  }

  async applyListedFix(rule: string): Promise<string> {
    const button = this.listedIssue(rule).getByTestId('issue-fix');
    const label = await button.innerText();
    await button.click();
    return label;
  }
}
