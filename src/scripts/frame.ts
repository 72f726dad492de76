/**
 * One animation frame for all pending redraws: any number of store changes, resizes and
 * theme switches between two frames cost each figure one redraw (mapgen4 coalesces its
 * slider events the same way).
 */
const pending = new Set<() => void>();
let requested = false;

function flush(): void {
  requested = false;
  const tasks = [...pending];
  pending.clear();
  for (const task of tasks) {
    // One failing figure must not stop the others from drawing.
    try {
      task();
    } catch (error) {
      reportError(error);
    }
  }
}

/** Runs `task` in the next animation frame, once however often it is scheduled before then. */
export function schedule(task: () => void): void {
  pending.add(task);
  if (!requested) {
    requested = true;
    requestAnimationFrame(flush);
  }
}
