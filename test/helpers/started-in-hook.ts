/** A value a test helper creates in `beforeAll`: reading it at collection time is a mistake to name. */
export function startedInHook<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is started in beforeAll; read it inside a test or hook.`);
  return value;
}
