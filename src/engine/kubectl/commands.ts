// The kubectl command tree (what cmd.NewKubectlCommand registers): verbs, their flags and
// subcommands. Each verb lives in cmd/<verb>.ts.
import type { CommandFn } from './context';
import type { FlagSpec } from './flags';
import { APPLY_FLAGS, runApply } from './cmd/apply';
import { CREATE_DEPLOYMENT_FLAGS, CREATE_FLAGS, CREATE_NAMESPACE_FLAGS, RUN_FLAGS, runCreate, runCreateDeployment, runCreateNamespace, runRun } from './cmd/create';
import { DELETE_FLAGS, runDelete } from './cmd/delete';
import { CREATE_SERVICE_FLAGS, EXPOSE_FLAGS, runCreateServiceFamily, runExpose } from './cmd/expose';
import { EXEC_FLAGS, runExec } from './cmd/exec';
import { LOGS_FLAGS, runLogs } from './cmd/logs';
import { CREATE_CONFIGMAP_FLAGS, CREATE_QUOTA_FLAGS, CREATE_SECRET_FLAGS, runCreateConfigMap, runCreateQuota, runCreateSecret } from './cmd/create_config';
import { CREATE_CRONJOB_FLAGS, CREATE_JOB_FLAGS, runCreateCronJob, runCreateJob } from './cmd/create_batch';
import { CREATE_INGRESS_FLAGS, runCreateIngress } from './cmd/create_ingress';
import { CREATE_PDB_FLAGS, runCreatePodDisruptionBudget } from './cmd/create_pdb';
import { AUTOSCALE_FLAGS, runAutoscale } from './cmd/autoscale';
import { TOP_FLAGS, runTopNode, runTopPod } from './cmd/top';
import { DESCRIBE_FLAGS, runDescribe } from './cmd/describe';
import { CORDON_FLAGS, DRAIN_FLAGS, runCordon, runDrain, runUncordon } from './cmd/drain';
import { TAINT_FLAGS, runTaint } from './cmd/taint';
import { GET_FLAGS, runGet } from './cmd/get';
import { API_RESOURCES_FLAGS, VERSION_FLAGS, runApiResources, runClusterInfo, runVersion } from './cmd/info';
import {
  ROLLOUT_HISTORY_FLAGS,
  ROLLOUT_SIMPLE_FLAGS,
  ROLLOUT_STATUS_FLAGS,
  ROLLOUT_UNDO_FLAGS,
  runRolloutPause,
  runRolloutRestart,
  runRolloutResume,
  runRolloutStatus,
} from './cmd/rollout';
import { runRolloutHistory } from './cmd/rollout_history';
import { runRolloutUndo } from './cmd/rollout_undo';
import { SCALE_FLAGS, SET_IMAGE_FLAGS, runScale, runSetImage } from './cmd/scale';
import { PATCH_FLAGS, runPatch } from './cmd/patch';
import { REPLACE_FLAGS, runReplace } from './cmd/replace';
import { LABEL_FLAGS, runLabel } from './cmd/label';
import { ANNOTATE_FLAGS, runAnnotate } from './cmd/annotate';
import { SET_ENV_FLAGS, runSetEnv } from './cmd/set_env';
import { SET_RESOURCES_FLAGS, runSetResources } from './cmd/set_resources';
import { EDIT_FLAGS, runEdit } from './cmd/edit';
import { EXPLAIN_FLAGS, runExplain } from './cmd/explain';
import { API_VERSIONS_FLAGS, runApiVersions } from './cmd/api_versions';
import { CONFIG_FLAGS, GET_CONTEXTS_FLAGS, SET_CONTEXT_FLAGS, VIEW_FLAGS, runCurrentContext, runGetContexts, runSetContext, runUseContext, runView } from './cmd/config';
import { WAIT_FLAGS, runWait } from './cmd/wait';
import { DIFF_FLAGS, runDiff } from './cmd/diff';
import { EVENTS_FLAGS, runEvents } from './cmd/events';

export interface Command {
  name: string;
  short: string;
  usage: string;
  flags: FlagSpec[];
  run?: CommandFn;
  subcommands?: Command[];
  /** Aliases cobra accepts for the command name (`create deploy`, `create ns`). */
  aliases?: string[];
}

export const COMMANDS: Command[] = [
  { name: 'create', short: 'Create a resource from a file or from stdin', usage: 'kubectl create -f FILENAME [options]', flags: CREATE_FLAGS, run: runCreate, subcommands: [
    { name: 'deployment', aliases: ['deploy'], short: 'Create a deployment with the specified name', usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]', flags: CREATE_DEPLOYMENT_FLAGS, run: runCreateDeployment },
    { name: 'job', short: 'Create a job with the specified name', usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]', flags: CREATE_JOB_FLAGS, run: runCreateJob },
    { name: 'cronjob', aliases: ['cj'], short: 'Create a cron job with the specified name', usage: 'kubectl create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags] [options]', flags: CREATE_CRONJOB_FLAGS, run: runCreateCronJob },
    { name: 'service', aliases: ['svc'], short: 'Create a service using a specified subcommand', usage: 'kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]', flags: CREATE_SERVICE_FLAGS, run: runCreateServiceFamily },
    { name: 'namespace', aliases: ['ns'], short: 'Create a namespace with the specified name', usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]', flags: CREATE_NAMESPACE_FLAGS, run: runCreateNamespace },
    { name: 'configmap', aliases: ['cm'], short: 'Create a config map from a local file, directory or literal value', usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]', flags: CREATE_CONFIGMAP_FLAGS, run: runCreateConfigMap },
    { name: 'secret', short: 'Create a secret using a specified subcommand', usage: 'kubectl create secret (docker-registry | generic | tls) [options]', flags: CREATE_SECRET_FLAGS, run: runCreateSecret },
    { name: 'ingress', aliases: ['ing'], short: 'Create an ingress with the specified name', usage: 'kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]', flags: CREATE_INGRESS_FLAGS, run: runCreateIngress },
    { name: 'poddisruptionbudget', aliases: ['pdb'], short: 'Create a pod disruption budget with the specified name', usage: 'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]', flags: CREATE_PDB_FLAGS, run: runCreatePodDisruptionBudget },
    { name: 'quota', aliases: ['resourcequota'], short: 'Create a quota with the specified name', usage: 'kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]', flags: CREATE_QUOTA_FLAGS, run: runCreateQuota },
  ] },
  { name: 'run', short: 'Run a particular image on the cluster', usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]', flags: RUN_FLAGS, run: runRun },
  { name: 'get', short: 'Display one or many resources', usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]', flags: GET_FLAGS, run: runGet },
  { name: 'delete', short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]', flags: DELETE_FLAGS, run: runDelete },
  { name: 'expose', short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]', flags: EXPOSE_FLAGS, run: runExpose },
  { name: 'logs', short: 'Print the logs for a container in a pod', usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]', flags: LOGS_FLAGS, run: runLogs },
  { name: 'exec', short: 'Execute a command in a container', usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]', flags: EXEC_FLAGS, run: runExec },
  { name: 'apply', short: 'Apply a configuration to a resource by file name or stdin', usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]', flags: APPLY_FLAGS, run: runApply },
  { name: 'describe', short: 'Show details of a specific resource or group of resources', usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]', flags: DESCRIBE_FLAGS, run: runDescribe },
  { name: 'scale', short: 'Set a new size for a deployment, replica set, or replication controller', usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]', flags: SCALE_FLAGS, run: runScale },
  { name: 'set', short: 'Set specific features on objects', usage: 'kubectl set SUBCOMMAND [options]', flags: [], subcommands: [
    { name: 'image', short: 'Update the image of a pod template', usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]', flags: SET_IMAGE_FLAGS, run: runSetImage },
    { name: 'env', short: 'Update environment variables on a pod template', usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]', flags: SET_ENV_FLAGS, run: runSetEnv },
    { name: 'resources', short: 'Update resource requests/limits on objects with pod templates', usage: 'kubectl set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS] [options]', flags: SET_RESOURCES_FLAGS, run: runSetResources },
  ] },
  { name: 'rollout', short: 'Manage the rollout of a resource', usage: 'kubectl rollout SUBCOMMAND [options]', flags: [], subcommands: [
    { name: 'history', short: 'View rollout history', usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]', flags: ROLLOUT_HISTORY_FLAGS, run: runRolloutHistory },
    { name: 'pause', short: 'Mark the provided resource as paused', usage: 'kubectl rollout pause RESOURCE [options]', flags: ROLLOUT_SIMPLE_FLAGS, run: runRolloutPause },
    { name: 'restart', short: 'Restart a resource', usage: 'kubectl rollout restart RESOURCE [options]', flags: ROLLOUT_SIMPLE_FLAGS, run: runRolloutRestart },
    { name: 'resume', short: 'Resume a paused resource', usage: 'kubectl rollout resume RESOURCE [options]', flags: ROLLOUT_SIMPLE_FLAGS, run: runRolloutResume },
    { name: 'status', short: 'Show the status of the rollout', usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]', flags: ROLLOUT_STATUS_FLAGS, run: runRolloutStatus },
    { name: 'undo', short: 'Undo a previous rollout', usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]', flags: ROLLOUT_UNDO_FLAGS, run: runRolloutUndo },
  ] },
  { name: 'autoscale', short: 'Auto-scale a deployment, replica set, stateful set, or replication controller', usage: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]', flags: AUTOSCALE_FLAGS, run: runAutoscale },
  { name: 'top', short: 'Display resource (CPU/memory) usage', usage: 'kubectl top [flags] [options]', flags: [], subcommands: [
    { name: 'pod', aliases: ['pods', 'po'], short: 'Display resource (CPU/memory) usage of pods', usage: 'kubectl top pod [NAME | -l label] [options]', flags: TOP_FLAGS, run: runTopPod },
    { name: 'node', aliases: ['nodes', 'no'], short: 'Display resource (CPU/memory) usage of nodes', usage: 'kubectl top node [NAME | -l label] [options]', flags: TOP_FLAGS, run: runTopNode },
  ] },
  { name: 'cordon', short: 'Mark node as unschedulable', usage: 'kubectl cordon NODE [options]', flags: CORDON_FLAGS, run: runCordon },
  { name: 'uncordon', short: 'Mark node as schedulable', usage: 'kubectl uncordon NODE [options]', flags: CORDON_FLAGS, run: runUncordon },
  { name: 'taint', short: 'Update the taints on one or more nodes', usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]', flags: TAINT_FLAGS, run: runTaint },
  { name: 'drain', short: 'Drain node in preparation for maintenance', usage: 'kubectl drain NODE [options]', flags: DRAIN_FLAGS, run: runDrain },
  { name: 'cluster-info', short: 'Display cluster information', usage: 'kubectl cluster-info [flags] [options]', flags: [], run: runClusterInfo },
  { name: 'api-resources', short: 'Print the supported API resources on the server', usage: 'kubectl api-resources [flags] [options]', flags: API_RESOURCES_FLAGS, run: runApiResources },
  { name: 'version', short: 'Print the client and server version information', usage: 'kubectl version [flags] [options]', flags: VERSION_FLAGS, run: runVersion },
  { name: 'patch', short: 'Update fields of a resource', usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]', flags: PATCH_FLAGS, run: runPatch },
  { name: 'replace', short: 'Replace a resource by file name or stdin', usage: 'kubectl replace -f FILENAME [options]', flags: REPLACE_FLAGS, run: runReplace },
  { name: 'label', short: 'Update the labels on a resource', usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]', flags: LABEL_FLAGS, run: runLabel },
  { name: 'annotate', short: 'Update the annotations on a resource', usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]', flags: ANNOTATE_FLAGS, run: runAnnotate },
  { name: 'edit', short: 'Edit a resource on the server', usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]', flags: EDIT_FLAGS, run: runEdit },
  { name: 'explain', short: 'Get documentation for a resource', usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]', flags: EXPLAIN_FLAGS, run: runExplain },
  { name: 'api-versions', short: 'Print the supported API versions on the server, in the form of "group/version"', usage: 'kubectl api-versions [options]', flags: API_VERSIONS_FLAGS, run: runApiVersions },
  { name: 'config', short: 'Modify kubeconfig files', usage: 'kubectl config SUBCOMMAND [options]', flags: CONFIG_FLAGS, subcommands: [
    { name: 'current-context', short: 'Display the current-context', usage: 'kubectl config current-context [options]', flags: [], run: runCurrentContext },
    { name: 'get-contexts', short: 'Describe one or many contexts', usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]', flags: GET_CONTEXTS_FLAGS, run: runGetContexts },
    { name: 'set-context', short: 'Set a context entry in kubeconfig', usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]', flags: SET_CONTEXT_FLAGS, run: runSetContext },
    { name: 'use-context', aliases: ['use'], short: 'Set the current-context in a kubeconfig file', usage: 'kubectl config use-context CONTEXT_NAME [options]', flags: [], run: runUseContext },
    { name: 'view', short: 'Display merged kubeconfig settings or a specified kubeconfig file', usage: 'kubectl config view [flags] [options]', flags: VIEW_FLAGS, run: runView },
  ] },
  { name: 'wait', short: 'Experimental: Wait for a specific condition on one or many resources', usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]", flags: WAIT_FLAGS, run: runWait },
  { name: 'diff', short: 'Diff the live version against a would-be applied version', usage: 'kubectl diff -f FILENAME [options]', flags: DIFF_FLAGS, run: runDiff },
  { name: 'events', short: 'List events', usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [options]', flags: EVENTS_FLAGS, run: runEvents },
];

/**
 * Every command a real kubectl v1.32 registers, in registration order (NewKubectlCommand's groups,
 * then the ungrouped ones): cobra suggests in this order, so `kubectl gett` offers `set` before
 * `get`.
 */
const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'api-versions', 'api-resources', 'config', 'plugin', 'version',
  'options',
];

/** Cobra's SuggestionsFor: Levenshtein distance ≤ 2 (ignoring case), or a prefix of a command name. */
export function suggestionsFor(typed: string): string[] {
  const lev = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  const t = typed.toLowerCase();
  return KUBECTL_COMMANDS.filter((n) => lev(t, n) <= 2 || n.startsWith(t));
}
