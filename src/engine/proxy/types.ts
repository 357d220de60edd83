// What kube-proxy programs on a node, and what routing one connection produces. Mirrors the
// data of pkg/proxy (ServicePortName, BaseServicePortInfo, BaseEndpointInfo) in plain JSON so a
// snapshot carries each node's programmed table.

/** One endpoint of one Service port, as kube-proxy sees it (pkg/proxy/endpoint.go). */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** `namespace/name` of the pod behind it (targetRef), when known. */
  pod?: string;
}

/** One Service port (pkg/proxy/serviceport.go): the unit kube-proxy writes rules for. */
export interface ServicePortEntry {
  /** `namespace/name:port-name` (ServicePortName.String()). */
  key: string;
  service: string;
  portName: string;
  protocol: string;
  clusterIP: string;
  port: number;
  nodePort?: number;
  loadBalancerIPs: string[];
  externalIPs: string[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  /** ClientIP session affinity timeout in seconds; absent: no affinity. */
  affinitySeconds?: number;
  endpoints: ProxyEndpoint[];
}

/** One hop of a request's path, for the route trace the UI draws. */
export interface Hop {
  kind: 'client' | 'dns' | 'loadbalancer' | 'node' | 'service' | 'endpoint' | 'pod' | 'ingress';
  name: string;
  detail?: string;
}

export type RouteFailure = 'refused' | 'timeout' | 'unreachable';

export type RouteResult =
  | { ok: true; entry?: ServicePortEntry; endpoint: ProxyEndpoint; hops: Hop[] }
  | { ok: false; failure: RouteFailure; message: string; hops: Hop[] };

/** A new connection as it reaches a node's netfilter rules. */
export interface Connection {
  clientIP: string;
  /** The node whose kube-proxy rules the packet meets (the client pod's node, or the node addressed). */
  node: string;
  dstIP: string;
  dstPort: number;
  protocol: string;
  /** Arrived from outside the cluster (NodePort, LoadBalancer, externalIPs). */
  external: boolean;
  at: number;
}
