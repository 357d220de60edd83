// Whole-cluster Job scenarios on fixed seeds: the pi example, back-off, parallel and Indexed
// Jobs, activeDeadlineSeconds, TTL deletion, suspend.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(1000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

function run(c: Cluster, line: string): string {
  const r = c.run(line);
  return r.stdout + r.stderr;
}

describe('Job (whole cluster)', () => {
  it('pi completes with a Completed pod and 1/1 completions', () => {
    const c = new Cluster({ seed: 7 });
    expect(c.apply(PI).stdout).toBe('job.batch/pi created\n');
    c.advance(120_000);
    const jobs = run(c, 'kubectl get jobs');
    expect(jobs).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\n/);
    expect(jobs).toMatch(/pi\s+Complete\s+1\/1\s+\d+s/);
    expect(run(c, 'kubectl get pods')).toMatch(/pi-[a-z0-9]{5}\s+0\/1\s+Completed\s+0/);
    const job = c.objects('batch/jobs')[0] as unknown as { status: { conditions: { type: string; reason: string }[]; succeeded: number }; metadata: { labels: Record<string, string> } };
    expect(job.status.conditions.map((x) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(job.status.conditions[1].reason).toBe('CompletionsReached');
    expect(job.metadata.labels['batch.kubernetes.io/job-name']).toBe('pi');
    const ev = run(c, 'kubectl get events');
    expect(ev).toMatch(/SuccessfulCreate\s+job\/pi\s+Created pod: pi-[a-z0-9]{5}/);
    expect(ev).toMatch(/Completed\s+job\/pi\s+Job completed/);
  });
});

function job(name: string, extra: string, command: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  ${extra}
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: c, image: busybox, command: ${command}}
`;
}

function jobOf(c: Cluster, name: string): { status: Record<string, unknown> & { conditions?: { type: string; reason?: string }[] } } | undefined {
  return c.objects('batch/jobs').find((j) => j.metadata.name === name) as never;
}

describe('Job failures, parallelism, deadlines, TTL', () => {
  it('backoffLimit: failed pods are replaced after 10 s, 20 s, 40 s… and the Job fails with BackoffLimitExceeded', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(job('fail', 'backoffLimit: 2', '["sh", "-c", "exit 1"]'));
    const created: number[] = [];
    for (let t = 0; t < 400; t++) {
      c.advance(1000);
      const n = c.objects('/pods').filter((p) => p.metadata.name?.startsWith('fail-')).length;
      while (created.length < n) created.push(c.now());
    }
    expect(created.length).toBe(3);
    // Gaps between pod creations grow: each includes the back-off (10 s, then 20 s), measured
    // from the failed container's finishedAt (second precision, as in the API).
    const gap1 = created[1] - created[0];
    const gap2 = created[2] - created[1];
    expect(gap1).toBeGreaterThanOrEqual(9_000);
    expect(gap2).toBeGreaterThanOrEqual(19_000);
    expect(gap2).toBeGreaterThan(gap1);
    const j = jobOf(c, 'fail')!;
    expect(j.status.failed).toBe(3);
    expect(j.status.conditions?.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(run(c, 'kubectl get job fail')).toMatch(/fail\s+Failed\s+0\/1/);
    expect(run(c, 'kubectl get events')).toMatch(/BackoffLimitExceeded\s+job\/fail\s+Job has reached the specified backoff limit/);
  });

  it('parallel Indexed Job: pods named <job>-<index>-<5>, JOB_COMPLETION_INDEX set, completedIndexes 0-4', () => {
    const c = new Cluster({ seed: 5 });
    c.apply(`apiVersion: batch/v1
kind: Job
metadata: {name: idx}
spec:
  completions: 5
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: w
        image: busybox
        command: ["sh", "-c", "echo index=$JOB_COMPLETION_INDEX; sleep 5"]
`);
    c.advance(2000);
    expect(c.objects('/pods').filter((p) => /^idx-\d-[a-z0-9]{5}$/.test(p.metadata.name ?? '')).length).toBe(3);
    c.advance(120_000);
    const j = jobOf(c, 'idx')!;
    expect(j.status.completedIndexes).toBe('0-4');
    expect(j.status.succeeded).toBe(5);
    expect(run(c, 'kubectl get job idx')).toMatch(/idx\s+Complete\s+5\/5/);
    const p2 = c.objects('/pods').find((p) => p.metadata.name?.startsWith('idx-2-'))!;
    expect(p2.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    // kubectl logs is not wired yet: read the kubelet's log directly.
    const logs = c.kubelets.get((p2 as unknown as { spec: { nodeName: string } }).spec.nodeName)!.logs('default', p2.metadata.name!);
    expect(logs.join('\n')).toContain('index=2');
  });

  it('activeDeadlineSeconds fails the Job with DeadlineExceeded and deletes its pod', () => {
    const c = new Cluster({ seed: 9 });
    c.apply(job('slow', 'activeDeadlineSeconds: 30', '["sleep", "3600"]'));
    c.advance(29_000);
    expect(jobOf(c, 'slow')!.status.conditions).toBeUndefined();
    c.advance(40_000);
    const j = jobOf(c, 'slow')!;
    expect(j.status.conditions?.find((x) => x.type === 'Failed')?.reason).toBe('DeadlineExceeded');
    expect(run(c, 'kubectl get events')).toContain('Job was active longer than specified deadline');
  });

  it('ttlSecondsAfterFinished deletes the finished Job and its pods', () => {
    const c = new Cluster({ seed: 11 });
    c.apply(PI.replace('backoffLimit: 4', 'backoffLimit: 4\n  ttlSecondsAfterFinished: 100'));
    c.advance(90_000);
    expect(jobOf(c, 'pi')?.status.completionTime).toBeDefined();
    c.advance(120_000);
    expect(jobOf(c, 'pi')).toBeUndefined();
    c.advance(5_000);
    expect(c.objects('/pods').filter((p) => p.metadata.name?.startsWith('pi-'))).toHaveLength(0);
  });

  it('suspend deletes active pods; resume starts again', () => {
    const c = new Cluster({ seed: 13 });
    c.apply(job('s', 'suspend: false', '["sleep", "60"]'));
    c.advance(5000);
    c.apply(job('s', 'suspend: true', '["sleep", "60"]'));
    c.advance(40_000);
    expect(run(c, 'kubectl get job s')).toMatch(/s\s+Suspended\s+0\/1/);
    c.apply(job('s', 'suspend: false', '["sleep", "60"]'));
    c.advance(120_000);
    expect(run(c, 'kubectl get job s')).toMatch(/s\s+Complete\s+1\/1/);
  });
});
