// kube-scheduler (STUB, filled in by the scheduler work).
import type { Component, ComponentContext } from '../component';

export class Scheduler implements Component {
  readonly name = 'default-scheduler';
  running = true;
  constructor(protected readonly ctx: ComponentContext) {}
  start(): void {}
  hasWork(): boolean {
    return false;
  }
  runOnce(): void {}
}
