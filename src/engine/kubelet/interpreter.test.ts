import { describe, expect, it } from 'vitest';
import { defaultImages } from './catalogue';
import { ImageCatalogue } from './images';
import { execInContainer, interpret, resolveArgv } from './interpreter';
import { filesAt, renderLogs, renderTime } from './program';
import { parseImageRef } from './reference';
import { piDigits } from './commands';

const cat = new ImageCatalogue(defaultImages());
function run(image: string, command?: string[], args?: string[]) {
  const spec = cat.get(image)!;
  return interpret({ image: spec, argv: resolveArgv(spec, command, args), env: [['HOSTNAME', 'pod-1'], ['GREETING', 'hi']], hostname: 'pod-1', baseFiles: { '/etc/hostname': 'pod-1\n' }, stopMs: 100, startupMs: 100 });
}
const logs = (p: ReturnType<typeof run>, ms: number) => renderLogs(p, 0, ms, (t) => renderTime(Date.UTC(2025, 2, 3, 9) + t));

describe('interpreter', () => {
  const cases: [string, string[], string[], number | undefined, number | undefined][] = [
    ['echo and exit', ['sh', '-c', 'echo start; sleep 5; exit 3'], ['start'], 5000, 3],
    ['&& stops on failure', ['sh', '-c', 'false && echo no; echo yes'], ['yes'], 0, 0],
    ['variables', ['sh', '-c', 'echo "$GREETING from $(hostname)"'], ['hi from pod-1'], 0, 0],
    ['for loop', ['sh', '-c', 'for i in 1 2 3; do echo $i; sleep 1; done'], ['1', '2', '3'], 3000, 0],
    ['arithmetic while', ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo n$i; done'], ['n1', 'n2', 'n3'], 0, 0],
    ['files', ['sh', '-c', 'echo hello > /tmp/x; cat /tmp/x; rm /tmp/x; cat /tmp/x'], ['hello', "cat: can't open '/tmp/x': No such file or directory"], 0, 1],
    ['unknown command', ['sh', '-c', 'nosuch'], ['sh: nosuch: not found'], 0, 127],
    ['printenv', ['printenv', 'GREETING'], ['hi'], 0, 0],
    ['sleep infinity', ['sleep', 'infinity'], [], undefined, undefined],
    ['bash arrays', ['bash', '-c', 'items=(foo bar baz); i=2; echo ${items[$i]} ${#items[@]} ${items[0]}; for x in "${items[@]}"; do echo -$x; done'], ['baz 3 foo', '-foo', '-bar', '-baz'], 0, 0],
    ['[[ =~ ]] and BASH_REMATCH', ['bash', '-c', '[[ `hostname` =~ -([0-9]+)$ ]] || exit 1; echo ord=${BASH_REMATCH[1]} id=$((100 + ${BASH_REMATCH[1]}))'], ['ord=1 id=101'], 0, 0],
    ['[[ ]] with && and POSIX classes', ['bash', '-c', 'v="a  b"; [[ -n $v && $v =~ ^(.*)[[:space:]]+(.*)$ ]] && echo "${BASH_REMATCH[2]}"; [[ x == y || 1 -lt 2 ]] && echo yes'], ['b', 'yes'], 0, 0],
    ['set -e stops at a failure, not in conditions', ['bash', '-c', 'set -e; false || true; [[ -d /nope ]] && exit 3; echo one; false; echo two'], ['one'], 0, 1],
    ['set -x traces commands', ['bash', '-c', 'set -x; x=$(hostname); echo $x'], ['++ hostname', '+ x=pod-1', '+ echo pod-1', 'pod-1'], 0, 0],
    ['cd, relative paths, pipes and $(<file)', ['bash', '-c', 'cd /tmp; echo "a;" > f; cat f | sed -E "s/;$//g" > g; cat /tmp/g; echo "x$(<g)"; mv g h; ls /tmp'], ['a', 'xa', 'f', 'h'], 0, 0],
  ];
  it.each(cases)('%s', (_n, argv, lines, exitAt, code) => {
    const p = run('busybox', argv);
    expect(logs(p, 1e9)).toEqual(lines);
    expect(p.exit?.at).toBe(exitAt);
    expect(p.exit?.code).toBe(code);
  });

  it('an endless loop becomes a template rendered from elapsed time', () => {
    const p = run('busybox', ['sh', '-c', 'while true; do date; sleep 10; done']);
    expect(p.exit).toBeUndefined();
    expect(p.loop?.period).toBe(10_000);
    expect(logs(p, 25_000)).toEqual(['Mon Mar  3 09:00:00 UTC 2025', 'Mon Mar  3 09:00:10 UTC 2025', 'Mon Mar  3 09:00:20 UTC 2025']);
  });

  it('servers run until stopped and handle SIGTERM; sleep and sh ignore it', () => {
    expect(run('nginx').kind).toBe('server');
    expect(run('nginx').ignoresSigterm).toBe(false);
    expect(run('nginx').ports).toEqual([80]);
    expect(run('nginx', ['sleep', '3600']).ignoresSigterm).toBe(true);
    expect(run('registry.k8s.io/e2e-test-images/agnhost', undefined, ['netexec', '--http-port=9000']).ports[0]).toBe(9000);
    expect(run('busybox', ['nginx']).startError).toMatch(/exec: "nginx": executable file not found in \$PATH/);
  });

  it('an endless loop appending to a file keeps appending when read later', () => {
    const p = run('busybox', ['sh', '-c', 'while true; do echo logging >> /opt/logs.txt; sleep 1; done']);
    expect(p.loop?.files).toEqual([{ at: 0, path: '/opt/logs.txt', content: null, appended: 'logging\n' }].map((f) => ({ ...f, content: 'logging\nlogging\n' })));
    expect(filesAt(p, 4_500).get('/opt/logs.txt')).toBe('logging\n'.repeat(5));
  });

  it('tail -F follows a file: its log is computed when read', () => {
    const p = run('alpine', ['sh', '-c', 'tail -F /opt/logs.txt']);
    expect(p.follow).toEqual({ path: '/opt/logs.txt', at: 0 });
    expect(p.exit).toBeUndefined();
  });

  it('pi digits are rounded as Math::BigFloat prints them', () => {
    expect(piDigits(5)).toBe('3.1416');
    expect(piDigits(10)).toBe('3.141592654');
  });
});

describe('image references', () => {
  const refs: [string, string | null][] = [
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['kindest/kindnetd:v20241212-9f82dd49', 'docker.io/kindest/kindnetd:v20241212-9f82dd49'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['Nginx', null],
    ['nginx:', null],
  ];
  it.each(refs)('%s', (image, want) => {
    const r = parseImageRef(image);
    expect(r.ok ? r.ref.normalized : null).toBe(want);
  });

  it('every image used by the kubernetes.io examples exists', () => {
    for (const image of ['nginx:1.14.2', 'nginx:1.15', 'nginx:1.16.1', 'alpine:latest', 'registry.k8s.io/nginx-slim:0.24', 'mysql:5.7', 'mysql:8.0', 'gcr.io/google-samples/xtrabackup:1.0',
      'wordpress:6.2.1-apache', 'registry.k8s.io/hpa-example', 'registry.k8s.io/goproxy:0.1', 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1', 'perl', 'k8s.gcr.io/pause:2.0',
      'k8s.gcr.io/fluentd-elasticsearch:1.20', 'gcr.io/google-samples/hello-app:2.0', 'docker.io/library/bash:5', 'docker.io/corelab/gb-frontend:v5', 'busybox', 'registry.k8s.io/pause',
      'registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10', 'registry.k8s.io/e2e-test-images/agnhost:2.40', 'polinux/stress', 'gcr.io/google-samples/hello-go-gke:1.0',
      'gcr.io/google-samples/hello-frontend:1.0', 'docker.io/redis:6.0.5', 'docker.io/library/busybox', 'busybox:1.37', 'busybox:1.28', 'registry.k8s.io/busybox:1.27.2', 'debian',
      'nginx:1.27-alpine', 'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-apiserver:v1.32.2', 'hashicorp/http-echo']) {
      expect(cat.resolve(image).kind, image).toBe('ok');
    }
  });

  it("kubernetes-zookeeper's zookeeper-ready probe script exists only in that image", () => {
    const input = (image: string) => ({ image: cat.get(image)!, argv: [], env: [] as [string, string][], hostname: 'zk-0', baseFiles: {}, stopMs: 100, startupMs: 100 });
    expect(execInContainer(input('registry.k8s.io/kubernetes-zookeeper'), ['sh', '-c', 'zookeeper-ready 2181'], new Map()).code).toBe(0);
    expect(execInContainer(input('busybox'), ['sh', '-c', 'zookeeper-ready 2181'], new Map()).code).toBe(127);
  });
});
