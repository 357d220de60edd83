// Development-time generator for the editor's Kubernetes JSON Schema (run: npx tsx
// scripts/gen-k8s-schemas.ts). Reads the TypeScript types of `kubernetes-types` with
// `ts-json-schema-generator` and writes src/schemas/kubernetes.json, which is committed: the
// app never fetches a schema. One schema covers every kind; an if/then per (apiVersion, kind)
// picks the right definition for each YAML document, so a buffer may mix kinds.
//
// Adjustments to the generated schema:
//   - Quantity accepts numbers as well as strings (`cpu: 1`, `memory: 128974848` are valid YAML).
//   - Status is dropped from each kind (users do not write it; it keeps the file smaller).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [apiVersion, kind, module under kubernetes-types] */
const KINDS: [string, string, string][] = [
  ['v1', 'Pod', 'core/v1'],
  ['v1', 'Service', 'core/v1'],
  ['v1', 'ConfigMap', 'core/v1'],
  ['v1', 'Secret', 'core/v1'],
  ['v1', 'Namespace', 'core/v1'],
  ['v1', 'PersistentVolumeClaim', 'core/v1'],
  ['v1', 'PersistentVolume', 'core/v1'],
  ['v1', 'ServiceAccount', 'core/v1'],
  ['v1', 'ReplicationController', 'core/v1'],
  ['v1', 'LimitRange', 'core/v1'],
  ['v1', 'ResourceQuota', 'core/v1'],
  ['apps/v1', 'Deployment', 'apps/v1'],
  ['apps/v1', 'ReplicaSet', 'apps/v1'],
  ['apps/v1', 'DaemonSet', 'apps/v1'],
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['batch/v1', 'Job', 'batch/v1'],
  ['batch/v1', 'CronJob', 'batch/v1'],
  ['networking.k8s.io/v1', 'Ingress', 'networking/v1'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networking/v1'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1'],
  ['storage.k8s.io/v1', 'StorageClass', 'storage/v1'],
];

const tmp = join(root, 'node_modules/.cache/k8s-schema');
mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'entry.ts');
const imports = KINDS.map(([, kind, mod]) => `import type { ${kind} as K_${kind.replace(/\W/g, '')} } from 'kubernetes-types/${mod}';`);
const exports = KINDS.map(([, kind]) => `export type ${kind} = K_${kind};`);
writeFileSync(entry, [...imports, ...exports].join('\n') + '\n');
writeFileSync(join(tmp, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, moduleResolution: 'node', module: 'esnext', target: 'es2022', skipLibCheck: true, baseUrl: root, typeRoots: [] }, files: ['entry.ts'] }));

const generated = createGenerator({
  path: entry,
  tsconfig: join(tmp, 'tsconfig.json'),
  type: '*',
  expose: 'all',
  topRef: false,
  jsDoc: 'extended',
  skipTypeCheck: true,
  additionalProperties: false,
}).createSchema('*');
rmSync(tmp, { recursive: true, force: true });

const definitions = generated.definitions as Record<string, Record<string, unknown>>;
for (const [name, def] of Object.entries(definitions)) {
  if (/^Quantity$/.test(name) || name.endsWith('.Quantity') || name.endsWith('Quantity')) {
    definitions[name] = { ...def, type: ['string', 'number'] };
  }
}
for (const [, kind] of KINDS) {
  const def = definitions[kind];
  const props = def?.properties as Record<string, unknown> | undefined;
  if (props) delete props.status;
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes object',
  description: 'A Kubernetes object (generated from kubernetes-types 1.30; status omitted).',
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: [...new Set(KINDS.map(([v]) => v))], description: 'The API group and version, e.g. apps/v1.' },
    kind: { type: 'string', enum: KINDS.map(([, k]) => k), description: 'The type of object, e.g. Deployment.' },
  },
  required: ['apiVersion', 'kind'],
  allOf: KINDS.map(([apiVersion, kind]) => ({
    if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
    then: { $ref: `#/definitions/${kind}` },
  })),
  definitions,
};

const out = join(root, 'src/schemas/kubernetes.json');
writeFileSync(out, JSON.stringify(schema) + '\n');
console.log(`wrote ${out}: ${KINDS.length} kinds, ${Object.keys(definitions).length} definitions, ${(JSON.stringify(schema).length / 1024).toFixed(0)} kB`);
