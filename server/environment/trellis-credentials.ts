/**
 * Trellis's own credentials and settings: the environment variables that configure Trellis
 * itself. A workflow can never read them through `{{secrets.NAME}}`, whatever the configuration
 * says, because a workflow file is untrusted data and an http tool could send a value anywhere.
 */
const CREDENTIAL_PREFIXES = ['ANTHROPIC_', 'TRELLIS_'];

export function isTrellisCredential(name: string): boolean {
  return CREDENTIAL_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix));
}

/**
 * The credential values set in `env`, by name: never readable, and redacted from every trace
 * event, output and stored row in case Claude, a tool or an error message echoes one.
 */
export function trellisCredentialValues(env: Record<string, string | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    // Only the secrets among Trellis's settings (…_KEY, …_TOKEN): redacting ports, paths or the
    // TRELLIS_SECRETS list itself would blank ordinary words out of every trace.
    if (value && isTrellisCredential(name) && /_(KEY|TOKEN|SECRET|PASSWORD)$/i.test(name)) values[name] = value;
  }
  return values;
}
