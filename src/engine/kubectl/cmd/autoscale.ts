// kubectl autoscale: mirrors staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go. kubectl
// v1.32 builds an autoscaling/v1 object (targetCPUUtilizationPercentage); the server stores it
// as autoscaling/v2.
import type { KubeObject } from '../../api/meta';
import { nameString, parseResourceArgs } from '../builder';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { parseOutputFormat, printObjects } from '../printers/output';
import { dryRunMode, dryRunSuffix } from './apply';
import { namespaceFor } from './common';

export const AUTOSCALE_FLAGS: FlagSpec[] = [
  { name: 'min', type: 'int', default: -1 },
  { name: 'max', type: 'int', default: -1 },
  { name: 'cpu-percent', type: 'int', default: -1 },
  { name: 'name', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
];

const SCALABLE: Record<string, string> = { 'apps/deployments': 'apps/v1', 'apps/replicasets': 'apps/v1', 'apps/statefulsets': 'apps/v1', '/replicationcontrollers': 'v1' };

export function runAutoscale(ctx: Ctx): void {
  const f = ctx.flags;
  const max = f.int('max');
  const min = f.int('min');
  if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const refs = parseResourceArgs(ctx, f.args);
  if (refs.length !== 1 || !refs[0].name) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl autoscale -h' for help and examples");
  const { info, name } = refs[0];
  const apiVersion = SCALABLE[`${info.group}/${info.resource}`];
  if (!apiVersion) throw new KubectlError(`error: cannot autoscale a ${info.kind}: cannot autoscale a ${info.kind}`);
  const ns = namespaceFor(ctx, info);
  const target = ctx.api.get(info, ns, name!);
  const hpaName = f.str('name') || target.metadata.name!;
  const spec: Record<string, unknown> = { maxReplicas: max, scaleTargetRef: { apiVersion, kind: info.kind, name: target.metadata.name } };
  if (min > 0) spec.minReplicas = min;
  if (f.int('cpu-percent') >= 0) spec.targetCPUUtilizationPercentage = f.int('cpu-percent');
  const hpa: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { creationTimestamp: null, name: hpaName } as unknown as KubeObject['metadata'], spec, status: { currentReplicas: 0, desiredReplicas: 0 } };
  const mode = dryRunMode(ctx);
  const hinfo = ctx.api.catalogue.get('autoscaling', 'horizontalpodautoscalers')!;
  let result = hpa;
  if (mode !== 'client') result = ctx.api.create(hinfo, ns, { ...hpa, metadata: { ...hpa.metadata, namespace: ns } }, { dryRun: mode === 'server' });
  const format = parseOutputFormat(f.str('output'), false);
  if (format === 'json' || format === 'yaml') ctx.out(printObjects([result], format, false).replace(/\n$/, ''));
  else if (format === 'name') ctx.out(nameString(hinfo, hpaName));
  else ctx.out(`${nameString(hinfo, hpaName)} autoscaled${dryRunSuffix(mode)}`);
}
