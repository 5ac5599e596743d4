// The ATS simulator: a fake Greenhouse Harvest v3 and Workable SPI v3 for the demo, benchmarks and tests.
// It IS a vendor fake, so vendor names live here freely (test/ats/architecture.test.ts exempts it).
export { startSimulator } from './simulator';
export type { SimulatorHandle, SimulatorOptions } from './simulator';
export type {
  DeepPartial,
  SimulatorConfig,
  FaceSwitches,
  FaultSwitch,
  RateLimitSwitch,
} from './simulator-config.service';
export * from './contract.constants';
export { greenhouseEmploymentsOf } from './control.types';
