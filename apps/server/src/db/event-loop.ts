/**
 * Lets the event loop run once (pending requests, timers) before going on. The embedded database
 * answers without ever returning to the event loop, so background work that runs many statements
 * in a row (the forecast recompute, an import) must call this between its steps, or no request is
 * answered until it is done.
 */
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
