// Event strategy: mirrors pkg/registry/core/event/strategy.go (no status, no generation;
// ToSelectableFields lists the involvedObject fields, reason, reportingComponent, source, type).
import type { Event } from '../../../../api/core';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { validateEvent } from '../../../validation/event';

export const eventStrategy: Strategy = {
  validate: (obj) => validateEvent(obj as Event),
};

const ev = (o: unknown) => o as Event;

export const eventFieldGetters: Record<string, FieldGetter> = {
  'involvedObject.kind': (o) => ev(o).involvedObject?.kind ?? '',
  'involvedObject.namespace': (o) => ev(o).involvedObject?.namespace ?? '',
  'involvedObject.name': (o) => ev(o).involvedObject?.name ?? '',
  'involvedObject.uid': (o) => ev(o).involvedObject?.uid ?? '',
  'involvedObject.apiVersion': (o) => ev(o).involvedObject?.apiVersion ?? '',
  'involvedObject.resourceVersion': (o) => ev(o).involvedObject?.resourceVersion ?? '',
  'involvedObject.fieldPath': (o) => ev(o).involvedObject?.fieldPath ?? '',
  reason: (o) => ev(o).reason ?? '',
  reportingComponent: (o) => ev(o).reportingComponent ?? '',
  source: (o) => ev(o).source?.component ?? '',
  type: (o) => ev(o).type ?? '',
};
