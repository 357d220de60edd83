// kubelet (STUB, filled in by the kubelet work).
import type { Component, ComponentContext } from '../component';
import type { Pod } from '../api/core';

export interface NodeConfig {
  name: string;
  cpu: string; // '2'
  memory: string; // '4Gi'
  pods: number; // 110
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** Index used for the node's pod CIDR (10.244.<index>.0/24) and InternalIP (172.18.0.<index+2>). */
  index: number;
  /** Static pod manifests (/etc/kubernetes/manifests): the kubelet runs them and creates mirror pods. */
  staticPods?: Pod[];
}

export class Kubelet implements Component {
  readonly name: string;
  running = true;
  constructor(protected readonly ctx: ComponentContext, readonly config: NodeConfig) {
    this.name = `kubelet/${config.name}`;
  }
  start(): void {}
  hasWork(): boolean {
    return false;
  }
  runOnce(): void {}
}
