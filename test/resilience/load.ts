/** Creates tickets one after another (`workers` at a time) until stopped; remembers every outcome. */
export function ticketLoad(create: (subject: string) => Promise<{ id: string }>, workers = 2) {
  const acknowledged = new Map<string, string>(); // subject -> ticket id
  const failed: { subject: string; error: string }[] = [];
  let stopped = false;
  let n = 0;
  const loop = async () => {
    while (!stopped) {
      const subject = `Load ${process.pid}-${++n}`;
      try {
        acknowledged.set(subject, (await create(subject)).id);
      } catch (error) {
        // Refused or cut off mid-fault: the ticket may or may not exist; the checks allow either,
        // but never twice.
        failed.push({ subject, error: error instanceof Error ? error.message : String(error) });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const running = Array.from({ length: workers }, loop);
  return {
    acknowledged,
    failed,
    attempted: () => n,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
