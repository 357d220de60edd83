// Scenario files (parse + run), used by scripts/sim.ts, lesson checks and tests.
export { parseScenario, executable, ScenarioError, type Step } from './parse';
export { runScenario, runStep, formatStep, type RunOptions, type StepResult } from './run';
