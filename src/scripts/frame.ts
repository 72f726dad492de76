/**
 * One animation frame for all pending redraws: any number of store changes, resizes and
 * theme switches between two frames cost each figure one redraw (mapgen4 coalesces its
 * slider events the same way).
 *
 * Waiting for the frame costs no frame of delay. A dragged slider's `input` events come from
 * pointer moves, which Chromium dispatches at the start of a frame, just before its
 * animation frame callbacks: the redraw runs in that same frame. A key press arrives between
 * frames and its redraw waits for the next one, which is the first frame that could show it
 * anyway; drawing in the event handler instead would finish the work sooner but, while the
 * redraw and its rendering fit in a frame, not show it sooner, and it would draw more than
 * once a frame when events come faster than frames.
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
