// Work per key that reads the newest state each time it runs (a tab's badge from its newest
// snapshot): one run at a time per key, and requests that arrive while one runs are folded into
// a single run after it. A page with 10,000 failing images asks for 10,000 badge refreshes; they
// cost at most two runs at any moment instead of 10,000 queued calls to the parent process.

export class CoalescedRuns<K> {
  private readonly running = new Map<K, { again: boolean }>();

  constructor(private readonly reportError: (error: unknown) => void = () => undefined) {}

  /** Runs `work` for `key` now, or once more after the run in progress. Resolves when idle. */
  request(key: K, work: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return Promise.resolve();
    }
    const entry = { again: false };
    this.running.set(key, entry);
    // Read through a function: `again` is set by other calls while `work` is awaited.
    const askedAgain = (): boolean => entry.again;
    const loop = async (): Promise<void> => {
      do {
        entry.again = false;
        await work().catch(this.reportError);
      } while (askedAgain());
    };
    return loop().finally(() => this.running.delete(key));
  }
}
