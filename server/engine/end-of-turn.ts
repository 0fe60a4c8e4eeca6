/** Something with work to finish once the current turn of the event loop is over. */
export interface EndOfTurnTask {
  runAtEndOfTurn(): void;
}

const due = new Set<EndOfTurnTask>();
let scheduled = false;

/**
 * Runs `task` once at the end of this event-loop turn. Every task of the process shares one
 * `setImmediate`, so 300 streaming runs cost one timer object per turn, not 300.
 */
export function atEndOfTurn(task: EndOfTurnTask): void {
  due.add(task);
  if (scheduled) return;
  scheduled = true;
  setImmediate(runDue);
}

/** Forgets `task` (its work was already done another way). */
export function cancelEndOfTurn(task: EndOfTurnTask): void {
  due.delete(task);
}

function runDue(): void {
  scheduled = false;
  const tasks = [...due];
  due.clear();
  for (const task of tasks) {
    try {
      task.runAtEndOfTurn();
    } catch (error) {
      // One task's failure must not strand the others; surface it like an uncaught timer error.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
