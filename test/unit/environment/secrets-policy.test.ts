import { describe, expect, it } from 'vitest';
import { SecretsConfigError, SecretsPolicy } from '../../../server/environment';
import type { Workflow } from '../../../shared/workflow-types';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';

/** The one-prompt workflow, asking Claude about `{{secrets.<name>}}` for each name given. */
function usingSecrets(...names: string[]): Workflow {
  return onePromptWorkflow(`Check ${names.map((name) => `{{secrets.${name}}}`).join(' and ')} for {{input.topic}}.`);
}

describe('SecretsPolicy', () => {
  const env = { WEATHER_KEY: 'w-1234567', OTHER: 'o-1234567', ANTHROPIC_API_KEY: 'sk-ant-real-key', ANTHROPIC_BASE_URL: 'https://api.example', TRELLIS_MCP_TOKEN: 'mcp-token-1' };

  it('grants only the listed names that are set; templates see nothing else', () => {
    const policy = SecretsPolicy.fromEnv({ ...env, TRELLIS_SECRETS: 'WEATHER_KEY, MISSING' });
    expect(policy.templateValues()).toEqual({ WEATHER_KEY: 'w-1234567' });
    expect(policy.names()).toEqual(['WEATHER_KEY']);
  });

  it("refuses to list Trellis's own credentials or settings, whatever the case", () => {
    expect(() => SecretsPolicy.fromEnv(env, ['ANTHROPIC_API_KEY'])).toThrow(SecretsConfigError);
    expect(() => SecretsPolicy.fromEnv(env, ['anthropic_auth_token'])).toThrow(/never readable by workflows/);
    expect(() => SecretsPolicy.fromEnv(env, ['TRELLIS_MCP_TOKEN'])).toThrow(/TRELLIS_SECRETS may not expose TRELLIS_MCP_TOKEN/);
  });

  it('redacts granted values and credential values, but not harmless settings (nor the list of names itself)', () => {
    const policy = SecretsPolicy.fromEnv({ ...env, TRELLIS_SECRETS: 'WEATHER_KEY' });
    expect(policy.redactionValues()).toEqual({ WEATHER_KEY: 'w-1234567', ANTHROPIC_API_KEY: 'sk-ant-real-key', TRELLIS_MCP_TOKEN: 'mcp-token-1' });
  });

  it('checks a workflow: a credential is forbidden, an unlisted name is not configured, a granted one passes', () => {
    const policy = SecretsPolicy.fromEnv(env, ['WEATHER_KEY']);
    expect(policy.check(usingSecrets('WEATHER_KEY'))).toEqual([]);
    const issues = policy.check(usingSecrets('ANTHROPIC_API_KEY', 'OTHER'));
    expect(issues).toEqual([
      { nodeId: 'ask', path: '/nodes/1/config/messages/0/content', rule: 'secret-forbidden', message: expect.stringContaining('workflows can never read ANTHROPIC_API_KEY') },
      { nodeId: 'ask', path: '/nodes/1/config/messages/0/content', rule: 'secret-not-configured', message: expect.stringContaining('list OTHER in TRELLIS_SECRETS') },
    ]);
  });
});
