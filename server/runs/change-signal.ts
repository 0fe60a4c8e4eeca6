/**
 * A level-free wake-up: `wait()` resolves at the next `notify()` (or when `abort` fires).
 * Waiters re-read the store after waking, so a notification is never lost between the
 * synchronous store read and the call to `wait()`.
 */
export class ChangeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  wait(abort?: AbortSignal): Promise<void> {
    if (abort?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        abort?.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      abort?.addEventListener('abort', wake, { once: true });
    });
  }
}
