/**
 * Fixed-window request counts kept in this process: exact when one gateway process serves
 * everything (the embedded mode), and free of a database write per request.
 */
export function memoryCounter(now: () => number = Date.now) {
  const windows = new Map<string, { count: number; startedAt: number }>();
  let lastSweep = now();
  return (key: string, windowSeconds: number): { count: number; resetInSeconds: number } => {
    const t = now();
    const span = windowSeconds * 1000;
    if (t - lastSweep > span) {
      // Forget finished windows so the map does not grow with every address ever seen.
      for (const [k, w] of windows) if (t - w.startedAt >= span) windows.delete(k);
      lastSweep = t;
    }
    let w = windows.get(key);
    if (!w || t - w.startedAt >= span) {
      w = { count: 0, startedAt: t };
      windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetInSeconds: (w.startedAt + span - t) / 1000 };
  };
}
