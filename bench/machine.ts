// What the figures were measured on (bench/report.ts's machine(), plus the load when we ended).
import os from "node:os";
import { machine as reportMachine } from "./report-support";

export type Machine = ReturnType<typeof reportMachine> & { loadAtEnd?: number[] };

export function machine(): Machine {
  return reportMachine();
}

/** Ends the record: the load average after the run shows what else the machine was doing. */
export function finish(m: Machine): Machine {
  return { ...m, loadAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) };
}

export function describeMachine(m: Machine): string {
  const end = m.loadAtEnd ? `, ${m.loadAtEnd.join(" / ")} at the end` : "";
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverage.join(" / ")} at the start${end}`;
}
