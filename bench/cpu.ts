import { readdirSync, readFileSync } from 'node:fs';

// Where the 2 cores went during a phase: the Next server (its process group), Postgres (every
// `postgres` process, so other sessions on a shared server count too), this client, and
// everything else on the machine (a build or test run next to the bench makes its figures
// noise), and what the hypervisor stole. Read from /proc; elsewhere the figures are simply absent.

export interface CpuSample {
  /** CPU seconds so far, by party. */
  server: number;
  /** By pid: a backend that exits between two samples must not count as negative time. */
  postgres: Map<number, number>;
  client: number;
  /** Busy CPU seconds of the whole machine, and time the hypervisor gave to other guests. */
  machine: { busy: number; steal: number };
}

export interface CpuShare {
  /** CPU seconds per wall second (1.0 = one core busy). */
  server: number;
  postgres: number;
  client: number;
  /** Busy time of every other process. */
  other: number;
  /** Time a hypervisor took away (a noisy neighbour on a shared VM host). */
  steal: number;
}

// USER_HZ is 100 on every mainstream Linux build; /proc reports ticks of it.
const TICKS_PER_SECOND = 100;

function procTicks(serverGroup: number): { server: number; postgres: Map<number, number> } | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let server = 0;
  const postgres = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name may hold spaces and parentheses; the fields after its last ')' do not.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12).
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number(fields[2]) === serverGroup) server += ticks;
    else if (comm === 'postgres') postgres.set(Number(entry), ticks / TICKS_PER_SECOND);
  }
  return { server: server / TICKS_PER_SECOND, postgres };
}

/** Busy and stolen CPU seconds of the whole machine, from the first line of /proc/stat. */
function machineTime(): { busy: number; steal: number } {
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user).
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const at = (i: number) => f[i] ?? 0;
  return { busy: (at(0) + at(1) + at(2) + at(5) + at(6)) / TICKS_PER_SECOND, steal: at(7) / TICKS_PER_SECOND };
}

export function sampleCpu(serverGroup: number): CpuSample | undefined {
  const proc = procTicks(serverGroup);
  if (!proc) return undefined;
  const { user, system } = process.cpuUsage();
  return { ...proc, client: (user + system) / 1e6, machine: machineTime() };
}

export function cpuShare(before: CpuSample | undefined, after: CpuSample | undefined, wallMs: number): CpuShare | undefined {
  if (!before || !after || wallMs <= 0) return undefined;
  const per = (a: number, b: number) => (b - a) / (wallMs / 1000);
  const server = per(before.server, after.server);
  // A backend started meanwhile counts from zero; one that exited meanwhile is lost (short-lived).
  let postgresSeconds = 0;
  for (const [pid, seconds] of after.postgres) postgresSeconds += Math.max(0, seconds - (before.postgres.get(pid) ?? 0));
  const postgres = per(0, postgresSeconds);
  const client = per(before.client, after.client);
  // Tick rounding can make the remainder slightly negative on an idle machine.
  const other = Math.max(0, per(before.machine.busy, after.machine.busy) - server - postgres - client);
  return { server, postgres, client, other, steal: per(before.machine.steal, after.machine.steal) };
}
