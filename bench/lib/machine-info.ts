import { cpus, totalmem, platform, release } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryMb: number;
  node: string;
  os: string;
}

/** The machine a figure was measured on: a figure without it cannot be compared. */
export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
