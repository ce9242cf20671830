import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadManifests, loadYaml, repoRoot, type Container, type PodSpec } from "./manifests.ts";

/**
 * Docker is not run here, so the deployment files are checked statically: they parse, and they
 * keep the properties the scaling guide promises (probes, limits, non-root, no real secrets).
 */
const manifests = loadManifests();
const ofKind = (kind: string) => manifests.filter((m) => m.object.kind === kind);
const podOf = (spec: Record<string, unknown> | undefined) =>
  (spec?.template as { spec: PodSpec }).spec;
const labelsOf = (spec: Record<string, unknown> | undefined) =>
  (spec?.template as { metadata: { labels: Record<string, string> } }).metadata.labels;

function expectHardened(where: string, c: Container) {
  expect(c.securityContext?.runAsNonRoot, `${where}: runAsNonRoot`).toBe(true);
  expect(c.securityContext?.runAsUser, `${where}: runAsUser`).toBeGreaterThan(0);
  expect(c.securityContext?.allowPrivilegeEscalation, `${where}: privilege escalation`).toBe(false);
  expect(c.securityContext?.readOnlyRootFilesystem, `${where}: read-only root`).toBe(true);
  expect(c.securityContext?.capabilities?.drop, `${where}: capabilities`).toContain("ALL");
  expect(
    c.resources?.requests?.cpu && c.resources.requests.memory,
    `${where}: requests`,
  ).toBeTruthy();
  expect(c.resources?.limits?.cpu && c.resources.limits.memory, `${where}: limits`).toBeTruthy();
  expect(c.image, `${where}: pinned image`).toMatch(/^signpost\/[a-z]+:\d+\.\d+\.\d+$/);
}

describe("Kubernetes manifests", () => {
  it("parse, and hold every kind a deployment needs", () => {
    const kinds = new Set(manifests.map((m) => m.object.kind));
    for (const kind of [
      "Namespace",
      "ConfigMap",
      "Secret",
      "Deployment",
      "Service",
      "HorizontalPodAutoscaler",
      "Job",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(
      ofKind("Deployment")
        .map((d) => d.object.metadata.name)
        .sort(),
    ).toEqual(["gateway", "kb", "kb-worker", "notification", "ticket"]);
  });

  it("give every Deployment readiness and liveness probes, resources and a non-root security context", () => {
    for (const { object } of ofKind("Deployment")) {
      const name = object.metadata.name;
      expect(object.spec?.replicas, `${name}: replicas`).toBeGreaterThanOrEqual(2);
      const pod = podOf(object.spec);
      expect(pod.securityContext?.runAsNonRoot, `${name}: pod runAsNonRoot`).toBe(true);
      for (const c of pod.containers) {
        const where = `${name}/${c.name}`;
        expect(c.readinessProbe?.httpGet?.path, `${where}: readiness`).toBe("/readyz");
        expect(c.livenessProbe?.httpGet?.path, `${where}: liveness`).toBe("/healthz");
        const port = c.readinessProbe?.httpGet?.port;
        expect(
          c.ports?.some((p) => p.name === port || p.containerPort === port),
          where,
        ).toBe(true);
        expectHardened(where, c);
      }
    }
  });

  it("route every Service to a Deployment's pods, and scale only Deployments that exist", () => {
    const deployments = ofKind("Deployment");
    for (const { object } of ofKind("Service")) {
      const selector = object.spec?.selector as Record<string, string>;
      const target = deployments.find((d) =>
        Object.entries(selector).every(([k, v]) => labelsOf(d.object.spec)[k] === v),
      );
      expect(target, `Service ${object.metadata.name} selects no Deployment`).toBeDefined();
    }
    for (const { object } of ofKind("HorizontalPodAutoscaler")) {
      const ref = object.spec?.scaleTargetRef as { kind: string; name: string };
      expect(ref.kind).toBe("Deployment");
      expect(deployments.map((d) => d.object.metadata.name)).toContain(ref.name);
      expect(object.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    }
  });

  it("migrate every service's schema in one Job, hardened like the Deployments", () => {
    const [job] = ofKind("Job");
    const pod = (job?.object.spec?.template as { spec: PodSpec & { restartPolicy: string } }).spec;
    expect(pod.restartPolicy).toBe("Never");
    const all = [...(pod.initContainers ?? []), ...pod.containers];
    expect(all.map((c) => c.name).sort()).toEqual(["gateway", "kb", "notification", "ticket"]);
    for (const c of all) {
      expect(c.args?.at(-1), c.name).toBe("migrate");
      expectHardened(`migrate/${c.name}`, c);
    }
  });

  it("ship placeholders, never real secrets, and keep the signing key from the services", () => {
    for (const { object } of ofKind("Secret")) {
      const data = object.stringData as Record<string, string>;
      expect(object.data, "no base64 data").toBeUndefined();
      for (const [key, value] of Object.entries(data)) expect(value, key).toBe("CHANGE_ME");
    }
    const secretsOf = (c: Container) =>
      (c.envFrom ?? []).flatMap((e) => (e.secretRef ? [e.secretRef.name] : []));
    const known = new Set(ofKind("Secret").map((s) => s.object.metadata.name));
    const configMaps = new Set(ofKind("ConfigMap").map((s) => s.object.metadata.name));
    for (const { object } of ofKind("Deployment")) {
      for (const c of podOf(object.spec).containers) {
        for (const s of secretsOf(c))
          expect(known, `${object.metadata.name} uses ${s}`).toContain(s);
        for (const e of c.envFrom ?? []) {
          if (e.configMapRef) expect(configMaps).toContain(e.configMapRef.name);
        }
        const signs = secretsOf(c).includes("signpost-gateway-secrets");
        expect(signs, `${object.metadata.name} and the private key`).toBe(
          object.metadata.name === "gateway",
        );
        const mails = secretsOf(c).includes("signpost-notification-secrets");
        expect(mails, `${object.metadata.name} and the SMTP credentials`).toBe(
          object.metadata.name === "notification",
        );
      }
    }
  });
});

describe("docker-compose.yml", () => {
  const compose = loadYaml("docker-compose.yml") as {
    services: Record<
      string,
      {
        deploy?: { replicas?: number };
        ports?: string[];
        environment?: Record<string, string>;
        command?: string[];
      }
    >;
  };

  it("runs two replicas of every deployable, none bound to a fixed host port", () => {
    for (const name of ["gateway", "ticket", "kb", "kb-worker", "notification"]) {
      const svc = compose.services[name];
      expect(svc?.deploy?.replicas, name).toBeGreaterThanOrEqual(2);
      expect(svc?.ports, `${name} publishes no port`).toBeUndefined();
    }
    // One published port, on the proxy in front of the gateway replicas.
    const published = Object.entries(compose.services).filter(([, s]) => s.ports?.length);
    expect(published.map(([n]) => n)).toEqual(["edge"]);
  });

  it("applies migrations in one-shot containers before the replicas start", () => {
    const migrations = Object.values(compose.services).filter(
      (s) => s.command?.at(-1) === "migrate",
    );
    expect(migrations).toHaveLength(3);
  });
});

describe("the Dockerfile", () => {
  const text = readFileSync(`${repoRoot}infra/docker/Dockerfile`, "utf8");
  const lines = text.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));

  it("builds in stages and runs as an unprivileged numeric user with a health check", () => {
    const froms = lines.filter((l) => l.startsWith("FROM "));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const finalStage = lines.slice(lines.indexOf(froms.at(-1) ?? ""));
    const user = finalStage.find((l) => l.startsWith("USER "))?.split(/\s+/)[1] ?? "";
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    expect(finalStage.some((l) => l.startsWith("HEALTHCHECK "))).toBe(true);
    expect(text).not.toMatch(/:latest\b/);
    // Only production dependencies reach the final image.
    expect(text).toMatch(/pnpm deploy .*--prod/);
    expect(finalStage.join("\n")).not.toMatch(/pnpm install/);
  });
});
