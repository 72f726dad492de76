/**
 * Runs `work` on each item of `items` with at most `limit` calls in flight, taking items
 * lazily (a generator is read only as fast as the work goes). Rejects with the first error.
 */
export async function pool<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = queue.next(); !next.done; next = queue.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
