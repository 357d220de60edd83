// Whole-cluster CronJob scenarios: firing at schedule times with the right names, history
// limits, Forbid and Replace.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';

function cronjob(name: string, extra: string, command: string): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata: {name: ${name}}
spec:
  schedule: "* * * * *"
  ${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: c, image: busybox, command: ${command}}
`;
}

const jobs = (c: Cluster) => c.objects('batch/jobs').map((j) => j.metadata.name ?? '').sort();
const minute = (c: Cluster, offsetMin: number) => Math.floor((Date.UTC(2025, 2, 3, 9, 0, 0) + c.now()) / 60_000) + offsetMin;

describe('CronJob (whole cluster)', () => {
  it('fires every minute with <name>-<minutes since epoch>, keeps 3 successful Jobs', () => {
    const c = new Cluster({ seed: 21 });
    c.apply(cronjob('hello', '', '["sh", "-c", "date; echo Hello from the Kubernetes cluster"]'));
    const first = minute(c, 1);
    c.advance(61_000 - (c.now() % 60_000));
    expect(jobs(c)).toEqual([`hello-${first}`]);
    c.advance(5 * 60_000);
    // Six runs so far; the oldest completed ones are cleaned up beyond successfulJobsHistoryLimit 3.
    const names = jobs(c);
    expect(names.length).toBeLessThanOrEqual(4);
    expect(names).toContain(`hello-${first + 5}`);
    expect(names).not.toContain(`hello-${first}`);
    const out = c.run('kubectl get cj').stdout;
    expect(out).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\n/);
    expect(out).toMatch(/hello\s+\* \* \* \* \*\s+<none>\s+False\s+[01]\s+\d+s/);
    const ev = c.run('kubectl get events').stdout;
    expect(ev).toMatch(/SuccessfulCreate\s+cronjob\/hello\s+Created job hello-\d+/);
    expect(ev).toMatch(/SawCompletedJob\s+cronjob\/hello\s+Saw completed job: hello-\d+, condition: Complete/);
    expect(ev).toMatch(/SuccessfulDelete\s+cronjob\/hello\s+Deleted job hello-\d+/);
  });

  it('Forbid skips a run while the previous Job is active; Replace deletes it', () => {
    const c = new Cluster({ seed: 22 });
    c.apply(cronjob('slow', 'concurrencyPolicy: Forbid', '["sleep", "150"]'));
    c.apply(cronjob('repl', 'concurrencyPolicy: Replace', '["sleep", "150"]'));
    c.advance(61_000 - (c.now() % 60_000));
    c.advance(120_000);
    expect(jobs(c).filter((n) => n.startsWith('slow-'))).toHaveLength(1);
    expect(c.run('kubectl get events').stdout).toContain('Not starting job because prior execution is running and concurrency policy is Forbid');
    const repl = jobs(c).filter((n) => n.startsWith('repl-'));
    expect(repl).toHaveLength(1);
    expect(repl[0]).toBe(`repl-${minute(c, 0)}`);
  });

  it('a suspended CronJob holds no timer; an invalid schedule is rejected with robfig text', () => {
    const c = new Cluster({ seed: 23 });
    const r = c.apply(cronjob('bad', '', '["true"]').replace('"* * * * *"', '"bad"'));
    expect(r.stderr).toContain('The CronJob "bad" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]');
    c.apply(cronjob('off', 'suspend: true', '["true"]'));
    c.advance(180_000);
    expect(jobs(c)).toEqual([]);
  });
});
