// autocannon, run in this process against child processes, interleaved so that a noisy machine
// (other people's tests, a fsync storm) hits the subject and its reference alike.
import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { quantile } from "./stats";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  ok: number;
  /** Responses received (2xx + non-2xx). */
  total: number;
  seconds: number;
}

export interface Subject {
  name: string;
  url: string;
  method: "GET" | "POST";
  /** Each request's path and body, from a counter that runs on across slices. */
  next: (i: number) => { path: string; body?: string };
}

interface Slice {
  latencies: number[];
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

function runSlice(subject: Subject, connections: number, seconds: number, counter: { i: number }): Promise<Slice> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: subject.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: subject.method,
            headers: subject.method === "POST" ? { "content-type": "application/json" } : {},
            setupRequest: (request) => {
              const { path, body } = subject.next(counter.i++);
              return { ...request, path, ...(body === undefined ? {} : { body }) };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({ latencies, ok: result["2xx"], non2xx: result.non2xx, errors: result.errors + result.timeouts, seconds: result.duration });
      },
    );
    // autocannon's typings leave out the client argument it passes first.
    (instance as EventEmitter).on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
  });
}

function summarise(slices: Slice[]): LoadResult {
  const sum = (pick: (s: Slice) => number) => slices.reduce((acc, s) => acc + pick(s), 0);
  const latencies = slices.flatMap((s) => s.latencies);
  const total = sum((s) => s.ok + s.non2xx);
  const seconds = sum((s) => s.seconds);
  return {
    rps: seconds ? total / seconds : 0,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
    ok: sum((s) => s.ok),
    total,
    seconds,
  };
}

/**
 * Loads each subject for `slices` × `sliceSeconds` with `connections`, taking turns (A B A B …),
 * and returns each subject's totals: rate over all its slices, latency percentiles over every
 * response (milliseconds).
 */
export async function runInterleaved(subjects: Subject[], options: { connections: number; slices: number; sliceSeconds: number }) {
  const counters = subjects.map(() => ({ i: 0 }));
  const slices: Slice[][] = subjects.map(() => []);
  for (let round = 0; round < options.slices; round++) {
    for (const [k, subject] of subjects.entries()) {
      const counter = counters[k] ?? { i: 0 };
      slices[k]?.push(await runSlice(subject, options.connections, options.sliceSeconds, counter));
      // Let the requests still in flight finish before the next subject starts.
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return new Map(subjects.map((s, k) => [s.name, summarise(slices[k] ?? [])]));
}
