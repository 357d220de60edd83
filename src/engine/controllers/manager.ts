// kube-controller-manager: builds every controller, in a fixed order (the order work is done in
// each settle round, which keeps runs deterministic).
import type { Component, ComponentContext } from '../component';

export function createControllers(_ctx: ComponentContext): Component[] {
  return [];
}
