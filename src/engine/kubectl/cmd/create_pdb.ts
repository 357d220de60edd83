// kubectl create poddisruptionbudget (alias pdb): mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go. The budget is printed as
// `--dry-run=client -o yaml` shows it, status zeros included (those fields are not omitempty).
import type { KubeObject, LabelSelector } from '../../api/meta';
import type { PodDisruptionBudget } from '../../api/policy';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { parseToLabelSelector } from '../labelselector';
import { dryRunMode } from './apply';
import { parseIntOrString } from './common';
import { createGenerated } from './create';

export const CREATE_PDB_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'min-available', type: 'string' },
  { name: 'max-unavailable', type: 'string' },
  { name: 'selector', type: 'string', help: "The pods the budget covers: app=web, or set-based like 'tier in (a,b)' (!= has no LabelSelector form)." },
];

/** A whole number or a percentage: 10, 50% (not 10Gb, not -1). */
const NUMBER_OR_PERCENT = /^[0-9]+%?$/;

/** kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N */
export function runCreatePodDisruptionBudget(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  const name = args[0];
  dryRunMode(ctx); // Complete() rejects a bad --dry-run before Validate() looks at the flags.
  // Validate(), in upstream's order.
  const selector = ctx.flags.str('selector');
  const minAvailable = ctx.flags.str('min-available');
  const maxUnavailable = ctx.flags.str('max-unavailable');
  if (!name) throw new KubectlError('error: name must be specified');
  if (!selector) throw new KubectlError('error: a selector must be specified');
  if (!minAvailable && !maxUnavailable) throw new KubectlError('error: one of min-available or max-unavailable must be specified');
  if (minAvailable && maxUnavailable) throw new KubectlError('error: min-available and max-unavailable cannot be both specified');
  if (minAvailable && !NUMBER_OR_PERCENT.test(minAvailable)) throw new KubectlError('error: invalid format specified for min-available');
  if (maxUnavailable && !NUMBER_OR_PERCENT.test(maxUnavailable)) throw new KubectlError('error: invalid format specified for max-unavailable');

  let labelSelector: LabelSelector;
  try {
    labelSelector = parseToLabelSelector(selector);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
  const spec: PodDisruptionBudget['spec'] = { selector: labelSelector };
  if (minAvailable) spec.minAvailable = parseIntOrString(minAvailable);
  else spec.maxUnavailable = parseIntOrString(maxUnavailable);
  const pdb: PodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { creationTimestamp: null, name } as unknown as KubeObject['metadata'],
    spec,
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  };
  createGenerated(ctx, ctx.api.catalogue.get('policy', 'poddisruptionbudgets')!, pdb, 'failed to create poddisruptionbudgets: ');
}
