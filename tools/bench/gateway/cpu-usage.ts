/**
 * Where a load's CPU went, from Linux's /proc: CPU milliseconds used by the API process, its worker (the API's child
 * node process), PostgreSQL's and Redis's processes, and the whole machine. Read before and after a load; the
 * difference divided by the work done is a per-item profile (what bounds a row that misses its target).
 */
import { readdirSync, readFileSync } from 'node:fs';

export type CpuGroup = 'api' | 'worker' | 'postgres' | 'redis' | 'machine';
export type CpuSnapshot = Record<CpuGroup, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processTicks(pid: string): { comm: string; ppid: string; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12)
    return { comm, ppid: fields[1], ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended meanwhile
  }
}

export function cpuSnapshot(apiPid: number): CpuSnapshot {
  const usage: CpuSnapshot = { api: 0, worker: 0, postgres: 0, redis: 0, machine: 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const proc = processTicks(pid);
    if (!proc) continue;
    const ms = proc.ticks * TICK_MS;
    if (pid === String(apiPid)) usage.api += ms;
    else if (proc.ppid === String(apiPid) && proc.comm.startsWith('node')) usage.worker += ms;
    else if (proc.comm.startsWith('postgres')) usage.postgres += ms;
    else if (proc.comm.startsWith('redis-server')) usage.redis += ms;
  }
  const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = cpu.map(Number);
  usage.machine = (user + nice + system + irq + softirq + steal) * TICK_MS;
  return usage;
}

/** CPU ms per item between two snapshots, per group, as one line. */
export function cpuPerItem(before: CpuSnapshot, after: CpuSnapshot, items: number): string {
  const groups: CpuGroup[] = ['api', 'worker', 'postgres', 'redis', 'machine'];
  return groups.map((g) => `${g} ${((after[g] - before[g]) / items).toFixed(2)}`).join(', ');
}
