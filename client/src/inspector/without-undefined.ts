/** A copy without keys whose value is undefined: cleared optional fields leave the file, not `null`. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
