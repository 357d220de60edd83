// kubectl annotate: mirrors staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go; the
// argument handling and patch are label's (./label.ts).
import type { Ctx } from '../context';
import type { FlagSpec } from '../flags';
import { LABEL_FLAGS, runMetaMapCommand } from './label';

export const ANNOTATE_FLAGS: FlagSpec[] = LABEL_FLAGS;

export function runAnnotate(ctx: Ctx): void {
  runMetaMapCommand(ctx, 'annotations');
}
