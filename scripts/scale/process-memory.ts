// Memory of a process tree (an npm script and the node processes under it), read from Linux's /proc:
// the peak (VmHWM) and current (VmRSS) resident set of each process, sampled while it runs.
import fs from "node:fs";

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
  peakMb: number;
  /** User and system CPU time so far. */
  cpuSeconds: number;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

function cpuSecondsOf(stat: string): number {
  // Fields after the command (which may hold spaces) start after its closing parenthesis; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

function children(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/))
      .filter((id) => id !== "")
      .map(Number);
  } catch {
    return [];
  }
}

/** Every live process from `root` down, with its memory (empty when /proc is not there). */
export function treeMemory(root: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  for (const pending = [root]; pending.length > 0;) {
    const pid = pending.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      const cpuSeconds = cpuSecondsOf(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
      found.push({
        pid,
        command,
        rssMb: statusField(status, "VmRSS"),
        peakMb: statusField(status, "VmHWM"),
        cpuSeconds,
      });
    } catch {
      continue; // exited between the listing and the read
    }
    pending.push(...children(pid));
  }
  return found;
}

/**
 * Samples the tree every `everyMs` until stopped; returns the highest peak RSS of any one process in it
 * (the node process doing the work: npm and sh around it stay small) and the CPU time of the whole tree
 * (as last seen: up to `everyMs` of it may be missed at the end).
 */
export function sampleTree(root: number, everyMs = 200): { stop(): { peakRssMb: number; cpuSeconds: number } } {
  let peakRssMb = 0;
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    for (const process of treeMemory(root)) {
      peakRssMb = Math.max(peakRssMb, process.peakMb);
      cpuByPid.set(process.pid, process.cpuSeconds);
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { peakRssMb, cpuSeconds: [...cpuByPid.values()].reduce((a, b) => a + b, 0) };
    },
  };
}
