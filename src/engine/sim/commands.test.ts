import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { runSimCommand } from './commands';

describe('sim commands', () => {
  const cluster = createCluster({ seed: 1 });
  it('prints help', () => {
    const r = runSimCommand(cluster, 'sim help');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('sim node fail NAME');
  });
  it.each([
    ['sim frobnicate', "error: unknown command \"frobnicate\"; run 'sim help' for the list\n"],
    ['sim node', 'error: usage: sim node fail|recover|add …\n'],
    ['sim node fail', 'error: usage: sim node fail NAME\n'],
    ['sim node explode x', 'error: unknown node command "explode"; expected fail, recover or add\n'],
    ['sim node add --cpu lots', 'error: invalid --cpu "lots": must be a quantity like 2, 500m, 4Gi\n'],
    ['sim pod crash', 'error: usage: sim pod crash POD [-c CONTAINER] [-n NAMESPACE]\n'],
    ['sim pod crash nope', 'error: pod "nope" not found in namespace "default"\n'],
    ['sim node add --bogus', 'error: unknown flag: --bogus\n'],
  ])('%s', (line, stderr) => {
    expect(runSimCommand(cluster, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
  it('adds a node with the next free kind-worker name', () => {
    const before = cluster.nodeNames();
    const r = cluster.sim('sim node add --cpu 4 --memory 8Gi');
    const expected = before.includes('kind-worker4') ? 'kind-worker5' : 'kind-worker4';
    expect(r).toEqual({ stdout: `node/${expected} added (4 CPU, 8Gi memory)\n`, stderr: '', exitCode: 0 });
    expect(cluster.sim(`sim node add ${expected}`).stderr).toBe(`error: node "${expected}" already exists\n`);
  });
});
