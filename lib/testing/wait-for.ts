/**
 * For tests: polls `check` every 50 ms until it returns something truthy, and returns that. Gives up
 * with an error naming `what` after `attempts` tries (30 s by default: generous, because a shared
 * CI machine can be slow, and a test that passes only when the machine is fast is a flaky test).
 */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, attempts = 600): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
