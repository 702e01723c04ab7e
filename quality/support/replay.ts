import { expect } from 'vitest';

/** One answer to a replayable request, or 'broken' when the connection failed (a kill). */
export type Answer = { status: number; id?: string; replayed: boolean } | 'broken';
type Keyed = { key: string; label: string };
type SendOne<T> = (item: T) => Promise<Exclude<Answer, 'broken'>>;

/**
 * Sends the items `parallel` at a time, as a client's sync does (each with its Idempotency-Key);
 * `progress.answered` counts the answers as they arrive.
 */
export async function sendAll<T extends Keyed>(
  items: readonly T[],
  sendOne: SendOne<T>,
  parallel = 4,
  progress: { answered: number } = { answered: 0 },
): Promise<Map<string, Answer>> {
  const results = new Map<string, Answer>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          results.set(item.key, await sendOne(item));
          progress.answered += 1;
        } catch {
          results.set(item.key, 'broken');
        }
      }
    }),
  );
  return results;
}

/** Sends the items twice: every first answer is a 201, every second a replay of it (same id). */
export async function expectReplayedTwice<T extends Keyed>(items: readonly T[], sendOne: SendOne<T>) {
  const once = await sendAll(items, sendOne);
  const twice = await sendAll(items, sendOne);
  for (const item of items) {
    const a = once.get(item.key);
    const b = twice.get(item.key);
    expect(a !== 'broken' && a?.status, item.label).toBe(201);
    expect(b !== 'broken' && b?.replayed && a !== 'broken' && b.id === a?.id, item.label).toBe(true);
  }
}

/**
 * Sends the items and kills the server (`crashAndRestart`) once a third of them are answered, then
 * sends what has no 201 again, as the client retries (a 409 "still running" included), until all
 * have one: each must keep the id of its first answer when that arrived. Returns how many were
 * answered with a 201 before the kill.
 */
export async function expectCompletedAcrossCrash<T extends Keyed>(
  items: readonly T[],
  sendOne: SendOne<T>,
  crashAndRestart: () => Promise<void>,
): Promise<number> {
  const progress = { answered: 0 };
  const firstTry = sendAll(items, sendOne, 8, progress);
  while (progress.answered < items.length / 3) await new Promise((r) => setTimeout(r, 5));
  await crashAndRestart();
  const before = await firstTry;
  const after = new Map<string, Answer>();
  const done = (key: string) => {
    const result = after.get(key);
    return result !== undefined && result !== 'broken' && result.status === 201;
  };
  for (let attempt = 0; attempt < 10 && items.some((i) => !done(i.key)); attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
    const retry = await sendAll(
      items.filter((i) => !done(i.key)),
      sendOne,
    );
    for (const [key, result] of retry) after.set(key, result);
  }
  for (const item of items) {
    const retry = after.get(item.key);
    expect(retry !== 'broken' && retry?.status, `${item.label}: ${JSON.stringify(retry)}`).toBe(201);
    const original = before.get(item.key);
    if (original !== 'broken' && original?.status === 201 && retry !== 'broken')
      expect(retry?.id, item.label).toBe(original.id);
  }
  return [...before.values()].filter((r) => r !== 'broken' && r.status === 201).length;
}
