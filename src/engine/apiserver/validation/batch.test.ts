// Validation messages for Jobs and CronJobs, as a real API server words them.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';

const job = (tmplSpec: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  ${extra}
  template:
    spec:
      ${tmplSpec}
      containers: [{name: c, image: busybox}]
`;

describe('Job and CronJob validation (through the API server)', () => {
  const c = new Cluster({ seed: 41 });
  it.each([
    [job(''), 'The Job "j" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    [job('restartPolicy: Always'), 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    [job('restartPolicy: Sometimes'), 'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"'],
    [job('restartPolicy: Never', 'backoffLimit: -1'), 'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    [job('restartPolicy: Never', 'completionMode: Indexed\n  parallelism: 2'), 'spec.completions: Required value: when completion mode is Indexed'],
  ])('%#', (manifest, msg) => {
    expect(c.apply(manifest).stderr).toContain(msg);
  });
  it('kubectl create job --dry-run=client -o yaml matches real kubectl', () => {
    expect(c.run('kubectl create job x --image=busybox --dry-run=client -o yaml -- echo hi').stdout).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: x
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - hi
        image: busybox
        name: x
        resources: {}
      restartPolicy: Never
status: {}
`);
  });
  it('kubectl create cronjob --dry-run=client -o yaml matches real kubectl', () => {
    expect(c.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- date").stdout).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: hello
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: hello
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - date
            image: busybox
            name: hello
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`);
  });
});
