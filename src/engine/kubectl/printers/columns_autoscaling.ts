// `kubectl get hpa` columns: mirrors printHorizontalPodAutoscaler and formatHPAMetrics in
// pkg/printers/internalversion/printers.go (since PR #122804 the metric name prefixes each
// target: `cpu: 85%/50%`, `cpu: <unknown>/50%` before the first metrics arrive).
import type { HorizontalPodAutoscaler } from '../../api/autoscaling';
import type { KubeObject } from '../../api/meta';
import { age, type Column } from './columns';

const hpa = (o: KubeObject) => o as HorizontalPodAutoscaler;

export function formatHPAMetrics(h: HorizontalPodAutoscaler): string {
  const specs = h.spec.metrics ?? [];
  if (!specs.length) return '<none>';
  const list: string[] = [];
  specs.forEach((m, i) => {
    if (m.type !== 'Resource' || !m.resource) {
      list.push('<unknown>');
      return;
    }
    const cur = h.status?.currentMetrics?.[i]?.resource?.current;
    const t = m.resource.target;
    if (t.averageUtilization !== undefined) {
      const c = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>';
      list.push(`${m.resource.name}: ${c}/${t.averageUtilization}%`);
    } else {
      list.push(`${m.resource.name}: ${cur?.averageValue ?? '<unknown>'}/${t.averageValue ?? ''}`);
    }
  });
  const max = 3;
  return list.length > max ? `${list.slice(0, max).join(', ')} + ${list.length - max} more...` : list.join(', ');
}

export const HPA_COLUMNS: Column[] = [
  { name: 'NAME', cell: (o) => o.metadata.name ?? '' },
  { name: 'REFERENCE', cell: (o) => `${hpa(o).spec?.scaleTargetRef?.kind}/${hpa(o).spec?.scaleTargetRef?.name}` },
  { name: 'TARGETS', cell: (o) => formatHPAMetrics(hpa(o)) },
  { name: 'MINPODS', cell: (o) => (hpa(o).spec?.minReplicas !== undefined ? String(hpa(o).spec.minReplicas) : '<unset>') },
  { name: 'MAXPODS', cell: (o) => String(hpa(o).spec?.maxReplicas ?? 0) },
  { name: 'REPLICAS', cell: (o) => String(hpa(o).status?.currentReplicas ?? 0) },
  { name: 'AGE', cell: (o, p) => age(o.metadata.creationTimestamp, p) },
];
