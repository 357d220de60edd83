// kubectl api-versions: mirrors staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go:
// every served group/version, sorted, one a line.
import { apiVersionOf } from '../../api/resources';
import type { Ctx } from '../context';
import type { FlagSpec } from '../flags';

export const API_VERSIONS_FLAGS: FlagSpec[] = [];

export function runApiVersions(ctx: Ctx): void {
  const versions = new Set<string>();
  for (const info of ctx.api.catalogue.all()) {
    if (!ctx.api.served(info.group, info.resource)) continue;
    versions.add(apiVersionOf(info));
    for (const v of info.otherVersions ?? []) versions.add(apiVersionOf({ group: info.group, version: v }));
  }
  for (const v of [...versions].sort()) ctx.out(v);
}
