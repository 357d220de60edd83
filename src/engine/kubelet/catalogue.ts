// The default image catalogue: the registry the simulated cluster pulls from. Data only.
// Sizes are the compressed sizes a kubelet reports in `Successfully pulled image … Image size: N
// bytes` (amd64, early 2025), rounded. Every image used by the kubernetes.io examples is here.
import type { ImageSpec } from './images';

const MB = 1_000_000;
const ALPINE = { tagPattern: 'alpine', sizeBytes: 0 };
const alpine = (sizeBytes: number) => ({ ...ALPINE, sizeBytes });

/** A server image: runs until stopped, listens on `ports`. */
function server(repository: string, tags: string[] | '*', sizeBytes: number, ports: number[], extra: Partial<ImageSpec> = {}): ImageSpec {
  return { repository, tags, sizeBytes, behaviour: 'server', ports, ...extra };
}

/** A command image: runs its command (default `cmd`) and exits. */
function command(repository: string, tags: string[] | '*', sizeBytes: number, cmd: string[], extra: Partial<ImageSpec> = {}): ImageSpec {
  return { repository, tags, sizeBytes, behaviour: 'command', cmd, ...extra };
}

export function defaultImages(): ImageSpec[] {
  return [
    // --- web servers and data stores ----------------------------------------------------------
    server('nginx', ['latest', 'stable', 'mainline', 'alpine', 'stable-alpine', 'mainline-alpine', '1.14.2', '1.15', '1.16', '1.16.1', '1.25', '1.27'], 72_995_445, [80], {
      tagPattern: '^1\\.\\d+(\\.\\d+)?(-alpine)?$', variants: [alpine(20_900_000)],
      entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], serverCommands: ['nginx'],
      startupMs: 60, stopMs: 100, minMemoryBytes: 3 * MB,
    }),
    server('registry.k8s.io/nginx-slim', ['0.7', '0.8', '0.24', '0.26', '0.27'], 43_000_000, [80], { serverCommands: ['nginx'], startupMs: 60, stopMs: 100 }),
    server('gcr.io/google-samples/hello-frontend', ['1.0'], 21_000_000, [80], { serverCommands: ['nginx'], stopMs: 100 }),
    server('httpd', ['latest', 'alpine', '2.4', '2.4.62', '2.4.63', '2.4-alpine'], 58_000_000, [80], {
      variants: [alpine(22_000_000)], cmd: ['httpd-foreground'], serverCommands: ['httpd-foreground', 'httpd'], startupMs: 150, stopMs: 200,
    }),
    server('redis', ['latest', 'alpine', '6.0.5', '6.2', '7', '7.2', '7.4', '7-alpine', '7.4-alpine'], 45_000_000, [6379], {
      variants: [alpine(17_000_000)], entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], serverCommands: ['redis-server'],
      startupMs: 100, stopMs: 150,
    }),
    server('mysql', ['latest', '5.6', '5.7', '8.0', '8.4', '9', '9.2'], 170_000_000, [3306, 33060], {
      entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], serverCommands: ['mysqld'], startupMs: 9000, stopMs: 2000,
      minMemoryBytes: 300 * MB,
    }),
    server('postgres', ['latest', '15', '16', '17', '16-alpine', '17-alpine'], 150_000_000, [5432], {
      variants: [alpine(100_000_000)], entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], serverCommands: ['postgres'],
      startupMs: 3000, stopMs: 500,
    }),
    server('memcached', ['latest', '1.6', 'alpine'], 30_000_000, [11211], { serverCommands: ['memcached'], stopMs: 50 }),
    server('wordpress', ['latest', '6', '6.2.1-apache', '6.7-apache', 'php8.2-apache'], 250_000_000, [80], {
      tagPattern: '^\\d+(\\.\\d+)*(-php\\d\\.\\d)?(-apache|-fpm)?$',
      entrypoint: ['docker-entrypoint.sh'], cmd: ['apache2-foreground'], serverCommands: ['apache2-foreground'], startupMs: 1500, stopMs: 300,
    }),
    // --- teaching and test images ---------------------------------------------------------------
    server('registry.k8s.io/e2e-test-images/agnhost', ['2.39', '2.40', '2.43', '2.47', '2.52', '2.53'], 51_000_000, [], {
      tagPattern: '^2\\.\\d+$', entrypoint: ['/agnhost'], cmd: [], serverCommands: ['agnhost', '/agnhost'],
      subcommands: { netexec: { ports: [8080, 8081] }, liveness: { ports: [8080], healthyForMs: 10_000 }, 'serve-hostname': { ports: [9376] }, 'test-webserver': { ports: [80] }, pause: { ports: [] } },
      startupMs: 50, stopMs: 50,
    }),
    server('hashicorp/http-echo', ['latest', '0.2.3', '1.0', '1.0.0'], 3_500_000, [5678], { entrypoint: ['/http-echo'], cmd: [], serverCommands: ['http-echo', '/http-echo'], stopMs: 20 }),
    server('registry.k8s.io/echoserver', ['1.4', '1.10'], 46_000_000, [8080], { serverCommands: ['nginx'], stopMs: 100 }),
    server('traefik/whoami', ['latest', 'v1.10', 'v1.11'], 3_300_000, [80], { entrypoint: ['/whoami'], cmd: [], serverCommands: ['whoami', '/whoami'], stopMs: 20 }),
    server('registry.k8s.io/hpa-example', ['latest'], 140_000_000, [80], { serverCommands: ['apache2-foreground'], startupMs: 800, stopMs: 300 }),
    server('gcr.io/google-samples/gb-frontend', ['v4', 'v5', 'v6'], 160_000_000, [80], { serverCommands: ['apache2-foreground'], startupMs: 800, stopMs: 300 }),
    server('corelab/gb-frontend', ['v5'], 160_000_000, [80], { serverCommands: ['apache2-foreground'], startupMs: 800, stopMs: 300 }),
    server('gcr.io/google-samples/hello-app', ['1.0', '2.0'], 10_500_000, [8080], { entrypoint: ['/hello-app'], cmd: [], serverCommands: ['hello-app', '/hello-app'], stopMs: 20 }),
    server('gcr.io/google-samples/hello-go-gke', ['1.0'], 4_200_000, [80], { serverCommands: ['app'], stopMs: 20 }),
    server('registry.k8s.io/goproxy', ['0.1'], 2_500_000, [8080], { serverCommands: ['goproxy', '/goproxy'], stopMs: 20 }),
    server('registry.k8s.io/kubernetes-zookeeper', ['1.0-3.4.10'], 120_000_000, [2181, 2888, 3888], { serverCommands: ['start-zookeeper', 'sh'], startupMs: 3000, stopMs: 500 }),
    server('quay.io/fluentd_elasticsearch/fluentd', ['v4.7.2', 'v5.0.1'], 140_000_000, [24231], { serverCommands: ['fluentd'], stopMs: 300 }),
    server('k8s.gcr.io/fluentd-elasticsearch', ['1.20'], 140_000_000, [24231], { serverCommands: ['fluentd', 'td-agent'], stopMs: 300 }),
    // --- base images and shells (command images: no command → the default shell exits at once) ---
    command('busybox', ['latest', 'stable', 'musl', 'glibc', 'uclibc', '1.28', '1.31', '1.34', '1.35', '1.36', '1.36.1', '1.37', '1.37.0'], 2_155_000, ['sh']),
    command('registry.k8s.io/busybox', ['latest', '1.24', '1.27.2'], 1_144_000, ['sh']),
    command('alpine', ['latest', 'edge', '3', '3.18', '3.19', '3.20', '3.21'], 3_650_000, ['/bin/sh']),
    command('ubuntu', ['latest', 'rolling', '20.04', '22.04', '24.04', 'focal', 'jammy', 'noble'], 29_700_000, ['/bin/bash']),
    command('debian', ['latest', 'stable', 'stable-slim', '11', '12', 'bullseye', 'bookworm', 'bookworm-slim'], 48_500_000, ['bash'], {
      variants: [{ tagPattern: 'slim', sizeBytes: 28_200_000 }],
    }),
    command('bash', ['latest', '5', '5.2', '5.1'], 6_000_000, ['bash'], { entrypoint: ['docker-entrypoint.sh'] }),
    command('perl', ['latest', 'slim', '5.34', '5.34.0', '5.36', '5.38', '5.40'], 330_000_000, ['perl5.40.1'], { variants: [{ tagPattern: 'slim', sizeBytes: 28_000_000 }] }),
    command('python', ['latest', '3', 'slim', 'alpine'], 370_000_000, ['python3'], {
      tagPattern: '^3(\\.\\d+){0,2}(-slim|-alpine)?$', variants: [{ tagPattern: 'slim', sizeBytes: 45_000_000 }, alpine(19_000_000)],
    }),
    command('node', ['latest', 'lts', 'alpine', '18', '20', '22', '23', 'lts-alpine'], 400_000_000, ['node'], {
      tagPattern: '^\\d+(\\.\\d+){0,2}(-alpine|-slim)?$', entrypoint: ['docker-entrypoint.sh'], variants: [alpine(55_000_000), { tagPattern: 'slim', sizeBytes: 75_000_000 }],
    }),
    command('curlimages/curl', ['latest', '8.11.1', '8.12.1'], 10_000_000, [], { entrypoint: ['/entrypoint.sh', 'curl'] }),
    command('gcr.io/google-samples/xtrabackup', ['1.0'], 90_000_000, ['bash']),
    command('polinux/stress', ['latest'], 4_000_000, ['stress']),
    // --- cluster components (kind v0.26 / Kubernetes v1.32.2) --------------------------------------
    { repository: 'registry.k8s.io/pause', tags: ['latest', '3.1', '3.2', '3.6', '3.8', '3.9', '3.10'], sizeBytes: 320_368, behaviour: 'pause', stopMs: 10 },
    { repository: 'k8s.gcr.io/pause', tags: ['2.0', '3.1', '3.2'], sizeBytes: 350_000, behaviour: 'pause', stopMs: 10 },
    server('registry.k8s.io/coredns/coredns', ['v1.10.1', 'v1.11.1', 'v1.11.3'], 18_562_039, [53, 8080, 8181], { entrypoint: ['/coredns'], cmd: [], serverCommands: ['coredns', '/coredns'], startupMs: 500, stopMs: 5000 }),
    server('registry.k8s.io/etcd', ['3.5.15-0', '3.5.16-0'], 57_680_541, [2379, 2380, 2381], { serverCommands: ['etcd'], startupMs: 1000, stopMs: 200 }),
    server('registry.k8s.io/kube-apiserver', ['v1.31.4', 'v1.32.0', 'v1.32.2'], 28_670_731, [6443], { serverCommands: ['kube-apiserver'], startupMs: 3000, stopMs: 1000 }),
    server('registry.k8s.io/kube-controller-manager', ['v1.31.4', 'v1.32.0', 'v1.32.2'], 26_259_392, [10257], { serverCommands: ['kube-controller-manager'], startupMs: 1000, stopMs: 200 }),
    server('registry.k8s.io/kube-scheduler', ['v1.31.4', 'v1.32.0', 'v1.32.2'], 20_657_902, [10259], { serverCommands: ['kube-scheduler'], startupMs: 1000, stopMs: 200 }),
    server('registry.k8s.io/kube-proxy', ['v1.31.4', 'v1.32.0', 'v1.32.2'], 30_907_858, [10249, 10256], { serverCommands: ['kube-proxy', '/usr/local/bin/kube-proxy'], startupMs: 300, stopMs: 200 }),
    server('kindest/kindnetd', ['v20241212-9f82dd49', 'v20250214-acbabc1a'], 39_008_320, [], { serverCommands: ['/bin/kindnetd', 'kindnetd'], startupMs: 300, stopMs: 200 }),
    server('kindest/local-path-provisioner', ['v20241212-8ac705d0', 'v20250214-acbabc1a'], 22_541_737, [], { serverCommands: ['local-path-provisioner'], startupMs: 300, stopMs: 200 }),
  ];
}
