// One run at a time per key; requests during a run are folded into one more run after it.

import { CoalescedRuns } from '../../src/background/coalesced-runs';

function gate(): { readonly wait: Promise<void>; readonly open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

test('10,000 requests during a run cost one more run, which reads the newest state', async () => {
  const runs = new CoalescedRuns<number>();
  let state = 0;
  const seen: number[] = [];
  const first = gate();
  let calls = 0;
  const work = async (): Promise<void> => {
    calls += 1;
    if (calls === 1) await first.wait;
    seen.push(state);
  };
  const done = runs.request(1, work);
  for (let i = 1; i <= 10_000; i += 1) {
    state = i;
    void runs.request(1, work);
  }
  first.open();
  await done;
  expect(calls).toBe(2);
  expect(seen).toEqual([10_000, 10_000]);
});

test('keys do not wait for each other, and a failing run neither stops the next nor escapes', async () => {
  const errors: unknown[] = [];
  const runs = new CoalescedRuns<string>((error) => errors.push(error));
  const order: string[] = [];
  const slow = gate();
  const a = runs.request('a', async () => {
    await slow.wait;
    order.push('a');
  });
  await runs.request('b', () => {
    order.push('b');
    return Promise.reject(new Error('b failed'));
  });
  await runs.request('b', () => {
    order.push('b again');
    return Promise.resolve();
  });
  slow.open();
  await a;
  expect(order).toEqual(['b', 'b again', 'a']);
  expect(errors).toEqual([new Error('b failed')]);
});
