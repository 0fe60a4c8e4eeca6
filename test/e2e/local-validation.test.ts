import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

/**
 * The production build under the server's real Content-Security-Policy (no 'unsafe-eval'): the
 * canvas must validate in the page. Every request the page makes is recorded; none may go to the
 * validate endpoint, and the browser must not report a blocked eval.
 */
describe.skipIf(browserUnavailable() !== null)('validation in the page, under the CSP', () => {
  const e2e = setupE2E();

  it('shows and clears issues as a node is edited, and checks the run input inline, without asking the server', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    const requests: string[] = [];
    const blocked: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval|EvalError/i.test(message.text())) blocked.push(message.text());
    });

    await app.open();
    const policy = (await page.request.get(app.baseUrl)).headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');

    // No code-generating module is served at all (vite.config.ts swaps in the `.browser.ts` twins).
    const html = await (await page.request.get(app.baseUrl)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    // Calls of global eval and the Function constructor only: re2js (the linear-time regex engine)
    // has a method named `eval`, defined as `eval(a,b){` and called as `x.eval(…)`: no code generated.
    for (const script of scripts) expect(await (await page.request.get(new URL(script, app.baseUrl).href)).text()).not.toMatch(/(?<![.\w$])(?:Function|eval)\((?![^()]*\)\{)/);

    await app.openWorkflow('code-review');
    await expect.poll(() => app.issueCount()).toBe(0);
    await app.node('review').click();
    const message = page.getByTestId('message-0');
    const original = await message.inputValue();

    // An unknown node reference appears as an issue, on the node and in the list…
    await message.fill(`${original}\n\nSee also {{reviewer.text}}.`);
    await expect.poll(() => app.issueCount()).toBeGreaterThan(0);
    await page.getByTestId('issue').filter({ hasText: 'reviewer' }).first().waitFor();
    expect(await app.nodeView('review').getByTestId('node-issues').innerText()).toMatch(/^[1-9]/);
    await page.screenshot({ path: '/tmp/trellis-local-validation.png' });

    // …and goes away when the edit is undone by hand.
    await message.fill(original);
    await expect.poll(() => app.issueCount()).toBe(0);
    expect(await app.nodeView('review').getByTestId('node-issues').count()).toBe(0);

    // The run input is checked against `inputs` by the interpreter (no code generation in the page).
    const input = await app.showInputJson();
    await input.fill('{"language": "js"}');
    await page.getByTestId('run-input-issue').filter({ hasText: '"diff"' }).waitFor();
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/trellis-run-input.png' });
    await input.fill('{"language": "js", "diff": "- a\\n+ b"}');
    await expect.poll(() => page.getByTestId('run-input-issue').count()).toBe(0);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(false);

    expect(requests.filter((path) => path.startsWith('/api/workflows/validate'))).toEqual([]);
    // The page did talk to the server (it loaded the workflow): the recorder was listening.
    expect(requests).toContain('/api/workflows/code-review');
    expect(blocked).toEqual([]);
  });
});
