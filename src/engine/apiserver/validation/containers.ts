// Container validation: mirrors validateContainers, validateInitContainers, validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateVolumeMounts, ValidateResourceRequirements and the
// probe validators in pkg/apis/core/validation/validation.go. Map-valued fields (resources) are
// walked in sorted key order, where Go's map order would be random.
import type { Container, ContainerPort, Probe } from '../../api/core';
import type { IntOrString } from '../../api/meta';
import type { FieldError } from './field';
import { duplicate, forbidden, invalid, notSupported, required } from './field';
import { validateDNS1123Label, validateNonnegativeField } from './generic';
import { isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { canonicalQuantity, compareQuantities, parseQuantityExact } from './quantity';

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

export function validateContainers(containers: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  if (!containers?.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

export function validateInitContainers(inits: Container[] | undefined, containers: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  // Init container names share one namespace with the regular containers.
  const names = new Set((containers ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    if (c.restartPolicy === 'Always') {
      // A sidecar (restartable init container) may have probes.
      errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
      errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    } else {
      if (c.restartPolicy !== undefined) errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[probe]) errs.push(forbidden(`${p}.${probe}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  errs.push(...checkHostPortConflicts(inits ?? [], path));
  return errs;
}

function validateContainerCommon(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...validateDNS1123Label(c.name, `${path}.name`));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy ?? '';
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(c.ports ?? [], `${path}.ports`));
  errs.push(...validateEnv(c.env ?? [], `${path}.env`));
  errs.push(...validateVolumeMounts(c.volumeMounts ?? [], volumes, `${path}.volumeMounts`));
  const pull = c.imagePullPolicy ?? '';
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

function validateContainerPorts(ports: ContainerPort[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(`${p}.containerPort`, port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** AccumulateUniqueHostPorts: the same hostIP/protocol/hostPort may be claimed once per pod. */
function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) =>
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.hostIP ?? ''}/${port.protocol ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    }),
  );
  return errs;
}

function validateEnv(env: { name: string }[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const p = `${path}[${i}].name`;
    if (!ev.name) errs.push(required(p));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(p, ev.name, m));
  });
  return errs;
}

function validateVolumeMounts(mounts: NonNullable<Container['volumeMounts']>, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`));
    if (!volumes.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: `${p}.name`, badValue: m.name ?? '' });
    if (!m.mountPath) errs.push(required(`${p}.mountPath`));
    if (mountPoints.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
  });
  return errs;
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isHugePages = (name: string) => name.startsWith('hugepages-');
/** Non-overcommitable resources (hugepages, extended resources) need request == limit. */
const overcommitAllowed = (name: string) => STANDARD_CONTAINER_RESOURCES.has(name) || (!name.includes('/') && !isHugePages(name));
const isIntegerResource = (name: string) => name.includes('/') && !name.startsWith('kubernetes.io/') && !name.includes('.kubernetes.io/');

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  }
  return errs;
}

function validateQuantityValue(name: string, value: string | number, path: string): FieldError[] {
  const q = parseQuantityExact(value);
  if (!q) return []; // rejected earlier, at decoding (see decode.ts)
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(invalid(path, canonicalQuantity(value), 'must be greater than or equal to 0'));
  if (isIntegerResource(name) && q.nanos % 1_000_000_000n !== 0n) errs.push(invalid(path, canonicalQuantity(value), 'must be an integer'));
  return errs;
}

/**
 * Requests may not exceed limits. The bad value is the request's canonical Quantity.String():
 * requests.cpu "2" with limits.cpu "1" gives
 * `spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`.
 */
export function validateResourceRequirements(res: Container['resources'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = res?.limits ?? {};
  const requests = res?.requests ?? {};
  for (const name of Object.keys(limits).sort()) {
    const p = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, p));
    errs.push(...validateQuantityValue(name, limits[name]!, p));
  }
  for (const name of Object.keys(requests).sort()) {
    const p = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, p));
    errs.push(...validateQuantityValue(name, requests[name]!, p));
    const req = parseQuantityExact(requests[name]!);
    const lim = limits[name] !== undefined ? parseQuantityExact(limits[name]!) : null;
    if (lim && req) {
      const cmp = compareQuantities(req, lim);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(`${path}.requests`, canonicalQuantity(requests[name]!), `must be equal to ${name} limit of ${canonicalQuantity(limits[name]!)}`));
      } else if (cmp > 0) {
        errs.push(invalid(`${path}.requests`, canonicalQuantity(requests[name]!), `must be less than or equal to ${name} limit of ${canonicalQuantity(limits[name]!)}`));
      }
    } else if (!lim && !overcommitAllowed(name)) {
      errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

function validateProbe(probe: Probe | undefined, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  errs.push(...validateNonnegativeField(probe.initialDelaySeconds, `${path}.initialDelaySeconds`));
  errs.push(...validateNonnegativeField(probe.timeoutSeconds, `${path}.timeoutSeconds`));
  errs.push(...validateNonnegativeField(probe.periodSeconds, `${path}.periodSeconds`));
  errs.push(...validateNonnegativeField(probe.successThreshold, `${path}.successThreshold`));
  errs.push(...validateNonnegativeField(probe.failureThreshold, `${path}.failureThreshold`));
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  // A liveness or startup probe that needed 2 successes would make no sense: one success is "alive".
  if (kind !== 'readiness' && probe.successThreshold !== 1) {
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  }
  if (kind === 'readiness' && probe.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateHandler(probe: Probe, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const one = (name: string, check: () => FieldError[]) => {
    if (n > 0) errs.push(forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'));
    else {
      n++;
      errs.push(...check());
    }
  };
  if (probe.exec) one('exec', () => (probe.exec!.command?.length ? [] : [required(`${path}.exec.command`)]));
  if (probe.httpGet) {
    one('httpGet', () => {
      const h = probe.httpGet!;
      const e: FieldError[] = [];
      if (!h.path) e.push(required(`${path}.httpGet.path`));
      e.push(...validatePortNumOrName(h.port, `${path}.httpGet.port`));
      if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') e.push(notSupported(`${path}.httpGet.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']));
      return e;
    });
  }
  if (probe.tcpSocket) one('tcpSocket', () => validatePortNumOrName(probe.tcpSocket!.port, `${path}.tcpSocket.port`));
  if (probe.grpc) one('grpc', () => isValidPortNum(probe.grpc!.port).map((m) => invalid(`${path}.grpc.port`, probe.grpc!.port, m)));
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validatePortNumOrName(port: IntOrString | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [required(path)];
}
