// describe daemonset / statefulset: mirrors DaemonSetDescriber and StatefulSetDescriber in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { DaemonSet, StatefulSet } from '../../api/apps';
import type { Event, Pod } from '../../api/core';
import { labelSelectorString, selectorString, fromSet } from '../../api/labels';
import type { PrintContext } from '../printers/columns';
import { describeEvents, describePodTemplate, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, PrefixWriter, rfc1123z } from './writer';

function podsStatus(pods: Pod[]): string {
  const count = (ph: string) => pods.filter((x) => (x.status?.phase ?? 'Pending') === ph).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

export function describeDaemonSet(ds: DaemonSet, pods: Pod[], events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const st = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${selectorString(fromSet(ds.spec.template?.spec?.nodeSelector)) || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, events, p);
  return w.toString();
}

export function describeStatefulSet(sts: StatefulSet, pods: Pod[], events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(sts.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', sts.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? ''}\n`);
  const partition = sts.spec.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined) w.write(LEVEL_0, `  Partition:\t${partition}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, sts.spec.template);
  const claims = sts.spec.volumeClaimTemplates ?? [];
  if (!claims.length) w.write(LEVEL_0, 'Volume Claims:  <none>\n');
  else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const c of claims) {
      const spec = (c.spec ?? {}) as { storageClassName?: string; accessModes?: string[]; resources?: { requests?: { storage?: string } } };
      w.write(LEVEL_0, `  Name:\t${c.metadata.name}\n`);
      w.write(LEVEL_0, `  StorageClass:\t${spec.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, '  Labels', c.metadata.labels);
      printAnnotationsMultiline(w, '  Annotations', c.metadata.annotations);
      w.write(LEVEL_0, `  Capacity:\t${spec.resources?.requests?.storage ?? ''}\n`);
      w.write(LEVEL_0, `  Access Modes:\t${(spec.accessModes ?? []).join(', ')}\n`);
    }
  }
  describeEvents(w, events, p);
  return w.toString();
}
