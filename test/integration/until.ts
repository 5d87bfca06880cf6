// Shared by the integration suites: providers and diagnostics arrive asynchronously.

/** Polls until `probe` gives a value, or fails after `ms` naming `what` it waited for (a function: as it is then). */
export async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string | (() => string),
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
