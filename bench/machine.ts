// What the figures were measured on: date, cores, CPU model, Node and Chromium versions.
import { readFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import type { MachineInfo } from './figures.js';

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

export function machineInfo(chromiumVersion: string, now = new Date()): MachineInfo {
  return {
    date: now.toISOString().slice(0, 10),
    cores: cpus().length,
    cpuModel: cpuModel(),
    node: process.version,
    chromium: `Chromium ${chromiumVersion}`,
    os: `${type()} ${release()}`,
  };
}
