// Pod IPs from the node's pod CIDR: mirrors the CNI host-local IPAM plugin that kindnet uses
// (containernetworking/plugins ipam/host-local). Addresses are handed out in order after the
// last one reserved, wrapping around, so a deleted pod's IP is not reused at once:
// 10.244.1.2, .3, .4, … .254, then back to .2 (skipping addresses still in use).

export interface IpamState {
  last: number;
  used: Record<string, string>; // ip → pod key
}

export class HostLocalIPAM {
  private state: IpamState = { last: 1, used: {} };
  constructor(private readonly prefix: string) {} // '10.244.1.'

  allocate(owner: string): string | undefined {
    for (let i = 1; i <= 253; i++) {
      const n = ((this.state.last - 2 + i) % 253) + 2; // 2..254
      const ip = `${this.prefix}${n}`;
      if (!this.state.used[ip]) {
        this.state.used[ip] = owner;
        this.state.last = n;
        return ip;
      }
    }
    return undefined;
  }

  release(ip: string | undefined): void {
    if (ip) delete this.state.used[ip];
  }

  save(): IpamState {
    return { last: this.state.last, used: { ...this.state.used } };
  }

  load(s: IpamState): void {
    this.state = { last: s.last, used: { ...s.used } };
  }
}
