// The network tools `kubectl exec` offers inside a container: curl, wget, nslookup, dig, host,
// ping, ip. They run on the simulated network (network.ts) at the moment of the exec and print
// what the real tools print (curl 8.x, busybox wget/nslookup/ping, iproute2/busybox ip). Every
// image gets all of them: a simplification (nginx's Debian image has curl but no nslookup).
import type { Pod } from '../api/core';
import type { Builtin } from '../kubelet/commands';
import { reverseName } from '../dns/resolver';
import type { ClusterNetwork, HttpResult } from './network';
import type { TrafficManager } from './traffic';

type Program = (b: Builtin, args: string[]) => number;

interface Url {
  host: string;
  port: number;
  path: string;
}

const STATUS_LINE: Record<number, string> = { 200: 'OK', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?(\/[^#]*)?$/.exec(raw);
  if (!m) return undefined;
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  return { host: m[2], port, path: m[4] || '/' };
}

function emit(b: Builtin, text: string): void {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  for (const l of body.split('\n')) b.out(l);
}

export function networkPrograms(net: ClusterNetwork, traffic: TrafficManager, pod: Pod, at: () => number): Record<string, Program> {
  const client = { kind: 'pod' as const, pod };
  const dnsServer = (b: Builtin) => {
    b.out('Server:\t\t10.96.0.10');
    b.out('Address:\t10.96.0.10:53');
    b.out('');
  };
  const get = (u: Url, ua: string, hostHeader?: string): HttpResult => {
    const r = net.http(client, u.host, u.port, u.path, at(), hostHeader);
    traffic.recordExternal(r, at(), u.path, ua);
    return r;
  };

  const curl: Program = (b, a) => {
    const urlArg = a.find((x, i) => !x.startsWith('-') && !['-o', '-m', '-H', '--header', '-X', '-d', '--max-time', '--connect-timeout', '-w'].includes(a[i - 1] ?? ''));
    if (!urlArg) {
      b.err("curl: try 'curl --help' or 'curl --manual' for more information");
      return 2;
    }
    const u = parseUrl(urlArg);
    if (!u) {
      b.err(`curl: (3) URL rejected: Malformed input to a URL function`);
      return 3;
    }
    // -H 'Host: foo.com' (what an ingress controller routes on); -m/--max-time/--connect-timeout N.
    const hostHeader = a.map((x, i) => (a[i - 1] === '-H' || a[i - 1] === '--header' ? /^host:\s*(\S+)/i.exec(x)?.[1] : undefined)).find((x) => x !== undefined);
    const limitArg = a.findIndex((x) => x === '-m' || x === '--max-time' || x === '--connect-timeout');
    const limitS = limitArg >= 0 ? Number(a[limitArg + 1]) : NaN;
    const r = get(u, 'curl/8.5.0', hostHeader);
    if (!r.ok && (r.failure === 'timeout' || r.failure === 'policy') && limitS > 0) {
      // A dropped SYN (a NetworkPolicy, no route) with a time limit: curl gives up at the limit.
      b.sleep(limitS * 1000);
      b.err(`curl: (28) Connection timed out after ${limitS * 1000 + 1} milliseconds`);
      return 28;
    }
    if (!r.ok) {
      b.sleep(r.failure === 'timeout' || r.failure === 'policy' ? 133_000 : 2);
      switch (r.failure) {
        case 'dns': b.err(r.message.startsWith(';;') ? `curl: (6) Could not resolve host: ${u.host}` : `curl: (6) Could not resolve host: ${u.host}`); return 6;
        case 'refused': b.err(`curl: (7) Failed to connect to ${u.host} port ${u.port} after 2 ms: Couldn't connect to server`); return 7;
        case 'reset': b.err('curl: (52) Empty reply from server'); return 52;
        default: b.err(`curl: (28) Failed to connect to ${u.host} port ${u.port} after 133000 ms: Couldn't connect to server`); return 28;
      }
    }
    if (a.includes('-I') || a.includes('--head')) {
      b.out(`HTTP/1.1 ${r.status} ${STATUS_LINE[r.status ?? 200] ?? 'OK'}`);
      b.out(`Content-Length: ${(r.body ?? '').length}`);
      return 0;
    }
    const fail = a.includes('-f') || a.includes('--fail') || a.some((x) => /^-[a-zA-Z]*f[a-zA-Z]*$/.test(x) && x !== '-f' && x.length < 6);
    if (fail && (r.status ?? 200) >= 400) {
      b.err(`curl: (22) The requested URL returned error: ${r.status}`);
      return 22;
    }
    const o = a.indexOf('-o');
    if (o >= 0 && a[o + 1] && a[o + 1] !== '-') b.writeFile(a[o + 1], r.body ?? '');
    else emit(b, r.body ?? '');
    return 0;
  };

  const wget: Program = (b, a) => {
    const quiet = a.some((x) => /^-[a-zA-Z]*q/.test(x));
    const oi = a.findIndex((x) => /^-[a-zA-Z]*O$/.test(x) || /^-[a-zA-Z]*O-$/.test(x));
    const toStdout = a.some((x) => /^-[a-zA-Z]*O-$/.test(x)) || (oi >= 0 && a[oi + 1] === '-');
    const urlArg = a.filter((x, i) => !x.startsWith('-') && !(oi >= 0 && i === oi + 1 && !/O-$/.test(a[oi]))).pop();
    if (!urlArg) {
      b.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...');
      return 1;
    }
    const u = parseUrl(urlArg);
    if (!u) {
      b.err(`wget: bad address '${urlArg}'`);
      return 1;
    }
    const r = get(u, 'Wget');
    if (!r.ok && r.failure === 'dns') {
      b.err(`wget: bad address '${u.host}'`);
      return 1;
    }
    if (!quiet) b.err(`Connecting to ${u.host}${u.host === r.resolvedIP ? '' : ` (${r.resolvedIP}:${u.port})`}`);
    if (!r.ok) {
      if (r.failure === 'refused') b.err(`wget: can't connect to remote host (${r.resolvedIP ?? u.host}): Connection refused`);
      else if (r.failure === 'reset') b.err('wget: error getting response: Connection reset by peer');
      else b.err('wget: download timed out');
      return 1;
    }
    if ((r.status ?? 200) >= 400) {
      b.err(`wget: server returned error: HTTP/1.1 ${r.status} ${STATUS_LINE[r.status ?? 404] ?? 'Not Found'}`);
      return 1;
    }
    if (toStdout) emit(b, r.body ?? '');
    else {
      const file = oi >= 0 && a[oi + 1] ? a[oi + 1] : 'index.html';
      b.writeFile(file.startsWith('/') ? file : `/${file}`, r.body ?? '');
      if (!quiet) {
        b.err(`saving to '${file}'`);
        b.err(`${file.padEnd(20)} 100% |********************************|   ${(r.body ?? '').length}  0:00:00 ETA`);
        b.err(`'${file}' saved`);
      }
    }
    return 0;
  };

  const nslookup: Program = (b, a) => {
    const name = a.filter((x) => !x.startsWith('-'))[0];
    if (!name) {
      b.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]');
      return 1;
    }
    const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(name);
    const r = net.dns(client, name, isIP ? 'PTR' : 'A', at());
    if (!r.ok) {
      b.sleep(15_000);
      b.out(r.message);
      return 1;
    }
    dnsServer(b);
    if (isIP) {
      const ptr = r.answer.records.find((x) => x.type === 'PTR');
      if (!ptr) {
        b.out(`** server can't find ${reverseName(name)}: NXDOMAIN`);
        b.out('');
        return 1;
      }
      b.out(`${reverseName(name)}\tname = ${ptr.value.replace(/\.$/, '')}`);
      b.out('');
      return 0;
    }
    if (!r.ips.length) {
      b.out(`** server can't find ${name}: NXDOMAIN`);
      b.out('');
      return 1;
    }
    if (r.cname) b.out(`${r.answer.name.replace(/\.$/, '')}\tcanonical name = ${r.cname.replace(/\.$/, '')}`);
    for (const ip of r.ips) {
      b.out(`Name:\t${(r.cname ?? r.answer.name).replace(/\.$/, '')}`);
      b.out(`Address: ${ip}`);
    }
    b.out('');
    return 0;
  };

  const host: Program = (b, a) => {
    const name = a.filter((x) => !x.startsWith('-'))[0] ?? '';
    const r = net.dns(client, name, 'A', at());
    if (!r.ok) {
      b.out(`;; connection timed out; no servers could be reached`);
      return 1;
    }
    if (!r.ips.length) {
      b.out(`Host ${name} not found: 3(NXDOMAIN)`);
      return 1;
    }
    for (const ip of r.ips) b.out(`${(r.cname ?? r.answer.name).replace(/\.$/, '')} has address ${ip}`);
    return 0;
  };

  const dig: Program = (b, a) => {
    const short = a.includes('+short');
    const words = a.filter((x) => !x.startsWith('+') && !x.startsWith('-') && !x.startsWith('@'));
    const name = words[0] ?? '.';
    const qtype = words[1]?.toUpperCase() === 'SRV' ? 'SRV' : 'A';
    const r = net.dns(client, name.endsWith('.') ? name : name, qtype, at());
    if (!r.ok) {
      b.out(';; communications error to 10.96.0.10#53: timed out');
      b.out(';; no servers could be reached');
      return 9;
    }
    // dig does not use the search list: the name is asked as given (made absolute).
    const recs = r.answer.records;
    if (short) {
      for (const x of recs) b.out(x.type === 'SRV' ? `${x.priority} ${x.weight} ${x.port} ${x.value}` : x.value);
      return 0;
    }
    b.out(`;; ->>HEADER<<- opcode: QUERY, status: ${r.answer.rcode}`);
    b.out(';; QUESTION SECTION:');
    b.out(`;${r.answer.name}\t\tIN\t${qtype}`);
    if (recs.length) {
      b.out('');
      b.out(';; ANSWER SECTION:');
      for (const x of recs) b.out(`${x.name}\t${x.ttl}\tIN\t${x.type}\t${x.type === 'SRV' ? `${x.priority} ${x.weight} ${x.port} ${x.value}` : x.value}`);
    }
    b.out('');
    b.out(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)');
    return 0;
  };

  const ping: Program = (b, a) => {
    const ci = a.indexOf('-c');
    const count = ci >= 0 ? Number(a[ci + 1]) || 4 : 4;
    const target = a.filter((x, i) => !x.startsWith('-') && i !== ci + 1)[0];
    if (!target) {
      b.err('ping: usage error: Destination address required');
      return 1;
    }
    let ip = target;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(target)) {
      const r = net.dns(client, target, 'A', at());
      if (!r.ok || !r.ips.length) {
        b.err(`ping: bad address '${target}'`);
        return 1;
      }
      ip = r.ips[0];
    }
    b.out(`PING ${target} (${ip}): 56 data bytes`);
    // A ClusterIP is a virtual address: only the Service's TCP/UDP ports have rules, so ICMP
    // echo gets no answer. Pod and node IPs answer.
    const answers = !!net.podByIP(ip) || !!net.nodeByIP(ip) || ip === pod.status?.podIP;
    if (answers) for (let i = 0; i < count; i++) b.out(`64 bytes from ${ip}: seq=${i} ttl=${net.podByIP(ip)?.spec.nodeName === pod.spec.nodeName ? 64 : 62} time=0.${100 + ((i * 37) % 80)} ms`);
    b.sleep(count * 1000);
    b.out('');
    b.out(`--- ${target} ping statistics ---`);
    b.out(`${count} packets transmitted, ${answers ? count : 0} packets received, ${answers ? 0 : 100}% packet loss`);
    if (answers) b.out('round-trip min/avg/max = 0.100/0.140/0.180 ms');
    return answers ? 0 : 1;
  };

  const ip: Program = (b, a) => {
    const sub = a[0] ?? '';
    if (!['a', 'addr', 'address'].includes(sub)) {
      b.err('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }');
      return 1;
    }
    const podIP = pod.status?.podIP ?? '';
    const prefix = podIP.split('.').slice(0, 3).join('.');
    const mac = podIP.split('.').map((x) => Number(x).toString(16).padStart(2, '0')).join(':');
    emit(b, `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP
    link/ether 0a:58:${mac} brd ff:ff:ff:ff:ff:ff
    inet ${podIP}/24 brd ${prefix}.255 scope global eth0
       valid_lft forever preferred_lft forever`);
    return 0;
  };

  return { curl, wget, nslookup, host, dig, ping, ip };
}

/**
 * A TCP connection from a pod's process (ncat in a container's script, not only in `kubectl
 * exec`): DNS, then the same path as any request; the server's answer is what a listening
 * `ncat -c CMD` sends (Program.sends).
 */
export function podConnector(net: ClusterNetwork, pod: Pod, at: () => number): (host: string, port: number) => { ok: true; data: string } | { ok: false; message: string } {
  const client = { kind: 'pod' as const, pod };
  return (host, port) => {
    let ip = host === 'localhost' ? '127.0.0.1' : host;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
      const r = net.dns(client, host, 'A', at());
      if (!r.ok || !r.ips.length) return { ok: false, message: `Could not resolve hostname "${host}": Name or service not known. QUITTING` };
      ip = r.ips[0];
    }
    const d = net.deliver(client, ip, port, 'TCP', at());
    if (!d.ok) return { ok: false, message: d.failure === 'refused' ? 'Connection refused' : 'TIMEOUT' };
    return { ok: true, data: d.instance?.program.sends ?? '' };
  };
}
