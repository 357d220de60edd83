// describe for HorizontalPodAutoscalers: mirrors HorizontalPodAutoscalerDescriber (autoscaling/v2)
// in staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { Event } from '../../api/core';
import type { HorizontalPodAutoscaler } from '../../api/autoscaling';
import type { PrintContext } from '../printers/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './writer';

export function describeHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const spec = hpa.spec;
  const st = hpa.status ?? {};
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  for (const [i, m] of (spec.metrics ?? []).entries()) {
    if (m.type !== 'Resource' || !m.resource) continue;
    const cur = st.currentMetrics?.[i]?.resource?.current;
    const t = m.resource.target;
    if (t.averageUtilization !== undefined) {
      const current = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}% (${cur.averageValue ?? '0'})` : '<unknown>';
      w.write(LEVEL_1, `resource ${m.resource.name} on pods  (as a percentage of request):\t${current} / ${t.averageUtilization}%\n`);
    } else {
      w.write(LEVEL_1, `resource ${m.resource.name} on pods:\t${cur?.averageValue ?? '<unknown>'} / ${t.averageValue ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? 1}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas}\n`);
  w.write(LEVEL_0, `${spec.scaleTargetRef.kind} pods:\t${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
  const conds = st.conditions ?? [];
  if (conds.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, events, p);
  return w.toString();
}
