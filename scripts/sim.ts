// `npm run --silent sim -- FILE [--seed N]`: run a scenario file against a fresh simulated
// cluster and print the transcript. `-f PATH` in kubectl steps is read relative to the
// scenario file's folder, then the current directory. Exit code 0 unless the file is
// malformed (then `FILE:LINE: message` on stderr and exit code 2).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createCluster, setExplainSchema, type ExplainSchema } from '../src/engine/index';
import kubernetesSchema from '../src/schemas/kubernetes.json';
import { parseScenario, runScenario, ScenarioError } from '../src/engine/scenario';

function usage(msg?: string): never {
  if (msg) process.stderr.write(`sim: ${msg}\n`);
  process.stderr.write('usage: npm run --silent sim -- FILE [--seed N]\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
let file: string | undefined;
let seed = 1;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--seed') {
    const v = argv[++i];
    if (v === undefined || !/^\d+$/.test(v)) usage('--seed needs a non-negative integer');
    seed = Number(v);
  } else if (a.startsWith('--seed=')) {
    const v = a.slice(7);
    if (!/^\d+$/.test(v)) usage('--seed needs a non-negative integer');
    seed = Number(v);
  } else if (a === '-h' || a === '--help') usage();
  else if (!file) file = a;
  else usage(`unexpected argument "${a}"`);
}
if (!file) usage('no scenario file given');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`${file}: ${(e as Error).message}\n`);
  process.exit(2);
}

let steps;
try {
  steps = parseScenario(text);
} catch (e) {
  if (e instanceof ScenarioError) {
    process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}

const baseDir = dirname(resolve(file));
const candidates = (p: string) => (isAbsolute(p) ? [p] : [join(baseDir, p), resolve(p)]);
const readFile = (p: string): string | undefined => {
  for (const c of candidates(p)) if (existsSync(c) && statSync(c).isFile()) return readFileSync(c, 'utf8');
  return undefined;
};
const listDir = (p: string): string[] | undefined => {
  for (const c of candidates(p)) {
    if (existsSync(c) && statSync(c).isDirectory()) return readdirSync(c).map((n) => join(p, n));
  }
  return undefined;
};

setExplainSchema(kubernetesSchema as unknown as ExplainSchema);
const cluster = createCluster({ seed });
runScenario(cluster, steps, { readFile, listDir, onStep: (_r, t) => process.stdout.write(t) });
