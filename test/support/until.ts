/** Polls `check` until it gives a truthy value (returned) or `timeoutMs` passed (then throws, naming `what`). */
export async function until<T>(
  what: string,
  check: () => Promise<T | null | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
