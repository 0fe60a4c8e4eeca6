/**
 * A list of things keyed by node type (specs on the shared side, runners on the server side).
 * Built-in entries come from one array; `add` exists for node types registered at run time
 * (a test-only type, a plugin) and returns the undo. A typo must never pass silently, so an
 * unknown type throws on lookup and a second entry for a type throws on registration.
 */
export class TypeRegistry<T extends { type: string }> {
  private readonly byType = new Map<string, T>();

  constructor(
    /** Names the registry in errors ("node spec", "node runner"). */
    private readonly kind: string,
    entries: readonly T[],
  ) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: T): () => void {
    if (this.byType.has(entry.type)) throw new Error(`Node type "${entry.type}" has a second ${this.kind}; each type is registered once.`);
    this.byType.set(entry.type, entry);
    return () => {
      if (this.byType.get(entry.type) === entry) this.byType.delete(entry.type);
    };
  }

  get(type: string): T {
    const entry = this.byType.get(type);
    if (!entry) throw new Error(`Unknown node type "${type}" (no ${this.kind}). Known types: ${this.types().join(', ')}.`);
    return entry;
  }

  has(type: unknown): boolean {
    return typeof type === 'string' && this.byType.has(type);
  }

  /** In registration order: built-ins first, in their array's order. */
  list(): T[] {
    return [...this.byType.values()];
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}
