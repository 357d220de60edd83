// kubectl create job / create cronjob: mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_job.go and create_cronjob.go (the generators print what `--dry-run=client -o yaml` shows).
import type { CronJob } from '../../api/batch';
import type { KubeObject } from '../../api/meta';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { createGenerated } from './create';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
];
export const CREATE_JOB_FLAGS: FlagSpec[] = [...COMMON, { name: 'image', type: 'string' }, { name: 'from', type: 'string' }];
export const CREATE_CRONJOB_FLAGS: FlagSpec[] = [...COMMON, { name: 'image', type: 'string' }, { name: 'schedule', type: 'string' }, { name: 'restart', type: 'string' }];

function emit(ctx: Ctx, resource: 'jobs' | 'cronjobs', obj: KubeObject): void {
  createGenerated(ctx, ctx.api.catalogue.get('batch', resource)!, obj, resource === 'jobs' ? 'failed to create job: ' : 'failed to create cronjob: ');
}

function nameArg(ctx: Ctx): { name: string; command: string[] } {
  const [name, ...command] = ctx.flags.args;
  if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  return { name, command };
}

function container(name: string, image: string, command: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (command.length) c.command = command;
  c.image = image;
  c.name = name;
  c.resources = {};
  return c;
}

export function runCreateJob(ctx: Ctx): void {
  const { name, command } = nameArg(ctx);
  const from = ctx.flags.str('from');
  const image = ctx.flags.str('image');
  if (from && image) throw new KubectlError('error: either --image or --from must be specified');
  if (from) {
    const m = /^(cronjob|cronjobs|cj|cronjob\.batch)\/(.+)$/.exec(from);
    if (!m) throw new KubectlError(`error: from must be an existing cronjob: ${from}`);
    const cj = ctx.api.get({ group: 'batch', resource: 'cronjobs' }, ctx.namespace, m[2]) as CronJob;
    const t = cj.spec.jobTemplate;
    const meta: Record<string, unknown> = {
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(t.metadata?.annotations ?? {}) },
      creationTimestamp: null,
      labels: { ...(t.metadata?.labels ?? {}) },
      name,
      ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid }],
    };
    if (!Object.keys(meta.labels as object).length) delete meta.labels;
    emit(ctx, 'jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: meta as KubeObject['metadata'], spec: JSON.parse(JSON.stringify(t.spec)), status: {} });
    return;
  }
  if (!image) throw new KubectlError('error: either --image or --from must be specified');
  emit(ctx, 'jobs', {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: null, name } as unknown as KubeObject['metadata'],
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
    status: {},
  });
}

export function runCreateCronJob(ctx: Ctx): void {
  const { name, command } = nameArg(ctx);
  const image = ctx.flags.str('image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const schedule = ctx.flags.str('schedule');
  if (!schedule) throw new KubectlError('error: required flag(s) "schedule" not set');
  const restart = ctx.flags.str('restart') || 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') throw new KubectlError(`error: restart must be either OnFailure or Never`);
  emit(ctx, 'cronjobs', {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { creationTimestamp: null, name } as unknown as KubeObject['metadata'],
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy: restart } } },
      },
      schedule,
    },
    status: {},
  });
}
