/**
 * Shares reads between callers asking at the same time: keys asked for while a read is in flight
 * wait for it to end and then go together in the next one (each distinct key once). A caller never
 * joins a read that started before it asked, so every answer is as fresh as a read of its own: what
 * committed before the caller asked (a sign-out) is always seen. Under load this turns one query
 * per request into one per round trip; alone, a caller waits for nothing.
 *
 * A failed read fails every caller waiting on it.
 *
 * @example
 * const findUser = coalescedReads((ids) => users.findMany(db, ids)); // Map id → user
 * const [a, b] = await Promise.all([findUser("u1"), findUser("u2")]); // one query
 */
export function coalescedReads<K, V>(
  readMany: (keys: K[]) => Promise<Map<K, V>>,
): (key: K) => Promise<V | undefined> {
  type Waiter = { resolve: (v: V | undefined) => void; reject: (e: unknown) => void };
  let pending = new Map<K, Waiter[]>();
  let reading = false;

  async function read() {
    if (reading || pending.size === 0) return;
    reading = true;
    const batch = pending;
    pending = new Map();
    try {
      const found = await readMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    } finally {
      reading = false;
      void read();
    }
  }

  return (key) =>
    new Promise((resolve, reject) => {
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      // Let the other requests of this tick join before the read starts.
      queueMicrotask(() => void read());
    });
}
