// Node strategy: mirrors pkg/registry/core/node/strategy.go. Nodes are cluster-scoped; the kubelet
// registers a node with its status, so (unlike pods) status is kept on create.
import type { Node } from '../../../../api/core';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { podCIDRsOf, validateNode, validateNodeUpdate } from '../../../validation/node';

export const nodeStrategy: Strategy = {
  hasStatus: true,
  defaults(obj) {
    const node = obj as Node;
    node.spec ??= {};
    // v1 keeps podCIDR and podCIDRs in step (the internal type only has podCIDRs).
    const cidrs = podCIDRsOf(node.spec);
    if (cidrs.length) {
      node.spec.podCIDR = cidrs[0];
      node.spec.podCIDRs = [...cidrs];
    }
    // SetDefaults_NodeStatus: allocatable defaults to capacity.
    if (node.status?.capacity && !node.status.allocatable) node.status.allocatable = { ...node.status.capacity };
  },
  validate: (obj) => validateNode(obj as Node),
  validateUpdate: (obj, old) => validateNodeUpdate(obj as Node, old as Node),
};

export const nodeFieldGetters: Record<string, FieldGetter> = {
  'spec.unschedulable': (o) => String(!!(o as Node).spec?.unschedulable),
};
