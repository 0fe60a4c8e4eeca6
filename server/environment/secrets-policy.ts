import { templateReferences } from '../../shared/templates';
import type { Workflow } from '../../shared/workflow-types';
import { SecretMatcher } from '../engine/secret-matcher';
import type { RunIssue } from './run-issue';
import type { SecretDestination } from '../engine/types';
import { bindingAllows, describeDestination, parseSecretBinding, type SecretBinding } from './secret-binding';
import { isTrellisCredential, trellisCredentialValues } from './trellis-credentials';

/** The variable that lists which environment variables `{{secrets.NAME}}` may read. */
export const SECRETS_ENV = 'TRELLIS_SECRETS';

export class SecretsConfigError extends Error {}

/** A request refused because it would carry a bound secret somewhere it is not bound to. */
export class SecretDestinationError extends Error {}

/** One secret a workflow may use: its name in `{{secrets.NAME}}`, its value and where it may go. */
export interface SecretGrant extends SecretBinding {
  value: string;
}

/**
 * The one rule for `{{secrets.NAME}}`, shared by the server and every CLI command:
 * - a name resolves only if the configuration lists it (TRELLIS_SECRETS) and it is set;
 * - Trellis's own credentials (ANTHROPIC_*, TRELLIS_*) never resolve, listed or not;
 * - a workflow naming anything else is refused before it runs (`check`), not mid-run;
 * - every granted value and every credential value is redacted from what a run emits.
 * - a secret bound to destinations (`NAME@host|host:port|mcp:SERVER`) is refused, before the
 *   request, on its way anywhere else (`assertAllowedDestination`).
 */
export class SecretsPolicy {
  private matcherCache: SecretMatcher | undefined;
  private readonly grantMatchers = new Map<string, SecretMatcher>();
  private credentialMatcher: SecretMatcher | undefined;

  private constructor(
    private readonly grants: readonly SecretGrant[],
    private readonly credentials: Readonly<Record<string, string>>,
  ) {}

  /** Nothing granted; still redacts the given credentials (tests, tools that read no env). */
  static none(credentials: Record<string, string> = {}): SecretsPolicy {
    return new SecretsPolicy([], credentials);
  }

  /**
   * The policy of a process: names from TRELLIS_SECRETS (or `names`), values from `env`.
   * Listing a Trellis credential is a configuration error, so the mistake stops the start.
   */
  static fromEnv(env: Record<string, string | undefined>, names: readonly string[] = listOf(env[SECRETS_ENV])): SecretsPolicy {
    const grants: SecretGrant[] = [];
    for (const entry of names) {
      let binding: SecretBinding;
      try {
        binding = parseSecretBinding(entry);
      } catch (error) {
        throw new SecretsConfigError(`${SECRETS_ENV}: ${(error as Error).message}`);
      }
      const name = binding.name;
      if (isTrellisCredential(name)) throw new SecretsConfigError(`${SECRETS_ENV} may not expose ${name}: Trellis's own credentials and settings (ANTHROPIC_*, TRELLIS_*) are never readable by workflows.`);
      const value = env[name];
      if (value !== undefined) grants.push({ ...binding, value });
    }
    return new SecretsPolicy(grants, trellisCredentialValues(env));
  }

  /** Names a workflow may use (set and listed), sorted. */
  names(): string[] {
    return this.grants.map((grant) => grant.name).sort();
  }

  /** The `secrets` scope templates render against. */
  templateValues(): Record<string, string> {
    return Object.fromEntries(this.grants.map((grant) => [grant.name, grant.value]));
  }

  /** Every value no event, output, row or log line may carry, by the name shown in its place. */
  redactionValues(): Record<string, string> {
    return { ...this.credentials, ...this.templateValues() };
  }

  /**
   * The one redactor of this process: every granted value and credential, in every form Trellis
   * produces and any letter case (server/engine/secret-matcher.ts). Every response, row, log line,
   * CLI line and cassette goes through it.
   */
  redactor(): SecretMatcher {
    return (this.matcherCache ??= new SecretMatcher(this.redactionValues()));
  }

  /**
   * Refuses a request (http tool URL, headers and body; image URLs; MCP tool arguments) that
   * carries a bound secret, in any form, to a destination it is not bound to, or one of Trellis's
   * own credentials to anywhere (templates cannot read them, so one in a request means it leaked
   * into a model's context some other way). Called before anything is sent.
   */
  assertAllowedDestination(destination: SecretDestination, sent: readonly string[]): void {
    this.credentialMatcher ??= new SecretMatcher(this.credentials);
    const credentials = this.credentialMatcher;
    if (!credentials.empty && sent.some((text) => credentials.contains(text))) {
      throw new SecretDestinationError(`a request to ${describeDestination(destination)} carried one of Trellis's own credentials; the request was not sent`);
    }
    for (const grant of this.grants) {
      if (bindingAllows(grant, destination)) continue;
      let matcher = this.grantMatchers.get(grant.name);
      if (!matcher) this.grantMatchers.set(grant.name, (matcher = new SecretMatcher({ [grant.name]: grant.value })));
      const found = matcher;
      if (!sent.some((text) => found.contains(text))) continue;
      const allowed = (grant.destinations ?? []).map((rule) => (rule.kind === 'mcp' ? `mcp:${rule.server}` : rule.port ? `${rule.host}:${rule.port}` : rule.host)).join(', ');
      throw new SecretDestinationError(`secret ${grant.name} may only be sent to ${allowed}, not to ${describeDestination(destination)}; the request was not sent`);
    }
  }

  /** Why this workflow cannot run under this policy: one issue per secret it names but may not read. */
  check(workflow: Workflow): RunIssue[] {
    const issues: RunIssue[] = [];
    const granted = new Set(this.grants.map((grant) => grant.name));
    workflow.nodes.forEach((node, index) => {
      for (const { name, path } of secretReferences(node.config, `/nodes/${index}/config`)) {
        if (granted.has(name)) continue;
        const message = isTrellisCredential(name)
          ? `{{secrets.${name}}} names one of Trellis's own credentials or settings; workflows can never read ${name}.`
          : `{{secrets.${name}}} is not available: list ${name} in ${SECRETS_ENV} (and set it in the environment) to let workflows read it.`;
        issues.push({ nodeId: node.id, path, rule: isTrellisCredential(name) ? 'secret-forbidden' : 'secret-not-configured', message });
      }
    });
    return issues;
  }
}

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** Each distinct `{{secrets.NAME}}` in a node's config, with the JSON pointer of the first string naming it. */
function secretReferences(config: unknown, root: string): { name: string; path: string }[] {
  const found = new Map<string, string>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const ref of templateReferences(value)) if (ref.root === 'secrets' && ref.path[0] && !found.has(ref.path[0])) found.set(ref.path[0], path);
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}/${index}`));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  visit(config, root);
  return [...found].map(([name, path]) => ({ name, path }));
}
