import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: from a fast query to a slow model call. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Labels = Record<string, string>;

/**
 * One process's Prometheus registry. Every series carries a `service` label, so the embedded mode
 * (all services and the gateway in one process) shares one registry and one `/metrics`.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.gauge("signpost_widgets_pending", "Widgets not yet built", { service: "kb" }, countWidgets);
 * const text = await metrics.render();
 */
export interface Metrics {
  readonly registry: Registry;
  /** HTTP requests by service, procedure and status: rate from its count, latency from buckets. */
  readonly httpDuration: Histogram<"service" | "procedure" | "status">;
  /** Event deliveries by service, event type and outcome, with their handling time. */
  readonly eventHandling: Histogram<"service" | "type" | "outcome">;
  /**
   * A gauge read at every scrape. A read that fails or takes longer than a second drops the series
   * from that scrape (absent, rather than a stale value that looks healthy).
   */
  gauge(name: string, help: string, labels: Labels, read: () => Promise<number>): void;
  /**
   * Shares one computation among the gauges read in the same scrape (an outbox query that yields
   * both a count and an age); the next scrape computes afresh.
   */
  perScrape<T>(compute: () => Promise<T>): () => Promise<T>;
  /** The exposition text, after every gauge has been read. */
  render(): Promise<string>;
  readonly contentType: string;
}

const readTimeoutMs = 1000;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "signpost_process_" });
  const httpDuration = new Histogram({
    name: "signpost_http_request_duration_seconds",
    help: "HTTP requests by service, tRPC procedure and status",
    labelNames: ["service", "procedure", "status"] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const eventHandling = new Histogram({
    name: "signpost_event_handling_seconds",
    help: "Event deliveries by consuming service, event type and outcome",
    labelNames: ["service", "type", "outcome"] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const gauges = new Map<string, Gauge>();
  const reads: { gauge: Gauge; labels: Labels; read: () => Promise<number> }[] = [];
  let scrape = 0;

  const readOne = async ({ gauge, labels, read }: (typeof reads)[number]) => {
    try {
      const value = await Promise.race([
        read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("timed out")), readTimeoutMs).unref(),
        ),
      ]);
      gauge.set(labels, value);
    } catch {
      gauge.remove(labels);
    }
  };

  return {
    registry,
    httpDuration,
    eventHandling,
    contentType: registry.contentType,
    gauge(name, help, labels, read) {
      let gauge = gauges.get(name);
      if (!gauge) {
        gauge = new Gauge({
          name,
          help,
          labelNames: Object.keys(labels).sort(),
          registers: [registry],
        });
        gauges.set(name, gauge);
      }
      reads.push({ gauge, labels, read });
    },
    perScrape<T>(compute: () => Promise<T>) {
      let computedFor = -1;
      let pending: Promise<T> | undefined;
      return () => {
        if (!pending || computedFor !== scrape) {
          computedFor = scrape;
          pending = compute();
        }
        return pending;
      };
    },
    async render() {
      scrape++;
      await Promise.all(reads.map(readOne));
      return registry.metrics();
    },
  };
}
