// core/v1 Event validation: mirrors ValidateEventCreate / legacyValidateEvent in
// pkg/apis/core/validation/events.go. For v1 events upstream checks only that the involved
// object's namespace agrees with the event's (reason and the rest are not required).
import type { Event } from '../../api/core';
import type { FieldError } from './field';
import { invalid, required } from './field';
import { isDNS1123Subdomain, isQualifiedName } from './names';

export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  if (!ev.eventTime) {
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    } else if (ns !== involvedNs) {
      errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    }
  } else {
    // "New" events (with eventTime) must name who reported them.
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    if (!ev.reportingComponent) errs.push(required('reportingComponent'));
    for (const m of isQualifiedName(ev.reportingComponent ?? '')) errs.push(invalid('reportingComponent', ev.reportingComponent ?? '', m));
    if (!ev.reportingInstance) errs.push(required('reportingInstance'));
    if (!(ev as { action?: string }).action) errs.push(required('action'));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid('namespace', ns, m));
  return errs;
}
