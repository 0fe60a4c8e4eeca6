export { startSimulator } from './start-simulator';
export type { Fault, FaultOptions, LatencyModel, Matcher, RateLimitOptions, RunningSimulator, ScriptResponse, ScriptRule, SimulatorOptions, SimulatorRequestLog } from './types';
