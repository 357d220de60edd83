// Shared pieces of describe output: labels, annotations, tolerations, containers, volumes,
// the pod template and the events table (describe.go: printLabelsMultiline,
// printAnnotationsMultiline, printTolerationsMultiline, describeContainers, describeVolumes,
// DescribePodTemplate, DescribeEvents).
import type { Container, ContainerState, ContainerStatus, Event, PodTemplateSpec, Probe, Toleration, Volume } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { PrintContext } from '../printers/columns';
import { age } from '../printers/columns';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, rfc1123z } from './writer';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (!keys.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    const v = annotations![k];
    // Long or multi-line values are shown on their own lines, as describe does.
    if (v.length > 140 || v.includes('\n')) w.write(LEVEL_0, `${k}:\n${v.trimEnd()}\n`);
    else w.write(LEVEL_0, `${k}: ${v}\n`);
  });
}

export function tolerationString(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const ts = tolerations ?? [];
  if (!ts.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  ts.forEach((t, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${tolerationString(t)}\n`);
  });
}

function portsString(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? p.hostPort ?? 0 : p.containerPort}/${p.protocol ?? 'TCP'}`).join(',');
}

function probeString(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? '/'} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, s: ContainerState | undefined): void {
  if (s?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (s.waiting.reason) w.write(LEVEL_3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function resourceList(w: PrefixWriter, title: string, list: Record<string, unknown> | undefined): void {
  const keys = Object.keys(list ?? {}).sort();
  if (!keys.length) return;
  w.write(LEVEL_2, `${title}:\n`);
  for (const k of keys) w.write(LEVEL_3, `${k}:\t${String(list![k])}\n`);
}

export function describeContainers(w: PrefixWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space: string): void {
  w.write(LEVEL_0, `${space}${label}:\n`);
  const nameIndent = space ? ' ' : '';
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = portsString(c, false);
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portsString(c, true);
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command?.length) {
      w.write(LEVEL_2, 'Command:\n');
      for (const x of c.command) for (const line of x.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, 'Args:\n');
      for (const x of c.args) for (const line of x.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    resourceList(w, 'Limits', c.resources?.limits);
    resourceList(w, 'Requests', c.resources?.requests);
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState);
      w.write(LEVEL_2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${st.restartCount}\n`);
    }
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${probeString(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${probeString(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${probeString(c.startupProbe)}\n`);
    if (!c.env?.length && !c.envFrom?.length) w.write(LEVEL_2, 'Environment:\t<none>\n');
    else {
      w.write(LEVEL_2, 'Environment:\n');
      for (const e of c.env ?? []) {
        if (e.valueFrom) w.write(LEVEL_3, `${e.name}:\t<set from a reference>\n`);
        else w.write(LEVEL_3, `${e.name}:\t${e.value ?? ''}\n`);
      }
    }
    const mounts = c.volumeMounts ?? [];
    if (!mounts.length) w.write(LEVEL_2, 'Mounts:\t<none>\n');
    else {
      w.write(LEVEL_2, 'Mounts:\n');
      for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) {
        w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
      }
    }
  }
}

export function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space: string): void {
  const vs = volumes ?? [];
  if (!vs.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? ' ' : '';
  for (const v of vs) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    if (v.emptyDir !== undefined) {
      const e = (v.emptyDir ?? {}) as { medium?: string; sizeLimit?: string };
      w.write(LEVEL_2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(LEVEL_2, `Medium:\t${e.medium ?? ''}\n`);
      w.write(LEVEL_2, `SizeLimit:\t${e.sizeLimit ?? '<unset>'}\n`);
    } else if (v.configMap) {
      const c = v.configMap as { name?: string; optional?: boolean };
      w.write(LEVEL_2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      w.write(LEVEL_2, `Name:\t${c.name ?? ''}\n`);
      w.write(LEVEL_2, `Optional:\t${c.optional ?? false}\n`);
    } else if (v.secret) {
      const s = v.secret as { secretName?: string; optional?: boolean };
      w.write(LEVEL_2, 'Type:\tSecret (a volume populated by a Secret)\n');
      w.write(LEVEL_2, `SecretName:\t${s.secretName ?? ''}\n`);
      w.write(LEVEL_2, `Optional:\t${s.optional ?? false}\n`);
    } else if (v.hostPath) {
      const h = v.hostPath as { path?: string; type?: string };
      w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n');
      w.write(LEVEL_2, `Path:\t${h.path ?? ''}\n`);
      w.write(LEVEL_2, `HostPathType:\t${h.type ?? ''}\n`);
    } else if (v.persistentVolumeClaim) {
      const p = v.persistentVolumeClaim as { claimName?: string; readOnly?: boolean };
      w.write(LEVEL_2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
      w.write(LEVEL_2, `ClaimName:\t${p.claimName ?? ''}\n`);
      w.write(LEVEL_2, `ReadOnly:\t${p.readOnly ?? false}\n`);
    } else if (v.projected) {
      // The kube-api-access-xxxxx volume every pod gets (token, CA bundle, namespace).
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      const sources = ((v.projected as { sources?: Record<string, Record<string, unknown>>[] }).sources ?? []);
      for (const src of sources) {
        if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${String(src.serviceAccountToken.expirationSeconds ?? 3607)}\n`);
        else if (src.configMap) {
          w.write(LEVEL_2, `ConfigMapName:\t${String(src.configMap.name ?? '')}\n`);
          w.write(LEVEL_2, `ConfigMapOptional:\t${src.configMap.optional === undefined ? '<nil>' : String(src.configMap.optional)}\n`);
        } else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (src.secret) w.write(LEVEL_2, `SecretName:\t${String(src.secret.name ?? '')}\n`);
      }
    } else {
      w.write(LEVEL_2, 'Type:\t<unknown>\n');
    }
  }
}

export function describePodTemplate(w: PrefixWriter, t: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!t) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', t.metadata?.annotations);
  if (t.spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${t.spec.serviceAccountName}\n`);
  if (t.spec.initContainers?.length) describeContainers(w, 'Init Containers', t.spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', t.spec.containers ?? [], undefined, '  ');
  describeVolumes(w, t.spec.volumes, '  ');
  if (t.spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${t.spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', t.spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', t.spec.tolerations);
}

/** Events about `obj` (matched by uid, or kind+name+namespace), oldest first. */
export function eventsFor(all: KubeObject[], obj: KubeObject): Event[] {
  const evs = (all as Event[]).filter((e) => {
    const r = e.involvedObject ?? {};
    if (r.uid && obj.metadata.uid) return r.uid === obj.metadata.uid;
    return r.kind === obj.kind && r.name === obj.metadata.name && (r.namespace ?? '') === (obj.metadata.namespace ?? '');
  });
  return evs.sort((a, b) => (Date.parse(a.lastTimestamp || a.firstTimestamp) || 0) - (Date.parse(b.lastTimestamp || b.firstTimestamp) || 0));
}

export function describeEvents(w: PrefixWriter, events: Event[], p: PrintContext): void {
  if (!events.length) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = age(e.firstTimestamp || e.eventTime || undefined, p);
    const interval = (e.count ?? 1) > 1 ? `${age(e.lastTimestamp, p)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
