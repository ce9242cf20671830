import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const k8sDir = `${repoRoot}infra/k8s/`;

/** A Kubernetes object as parsed, loosely typed: the tests assert the shape they rely on. */
export type K8sObject = {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
} & Record<string, unknown>;

/** Every document of every manifest; a YAML error anywhere throws with the file's name. */
export function loadManifests(): { file: string; object: K8sObject }[] {
  return readdirSync(k8sDir)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .flatMap((file) =>
      parseAllDocuments(readFileSync(k8sDir + file, "utf8")).map((doc) => {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map(String).join("; ")}`);
        return { file, object: doc.toJS({ maxAliasCount: 100 }) as K8sObject };
      }),
    );
}

export function loadYaml(path: string): unknown {
  const docs = parseAllDocuments(readFileSync(repoRoot + path, "utf8"), { merge: true });
  const [doc] = docs;
  if (!doc || docs.length !== 1 || doc.errors.length) throw new Error(`${path} does not parse`);
  return doc.toJS({ maxAliasCount: 100 });
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name: string; containerPort: number }[];
  envFrom?: ({ configMapRef?: { name: string } } & { secretRef?: { name: string } })[];
  env?: { name: string; value: string }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}

export interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  initContainers?: Container[];
}
