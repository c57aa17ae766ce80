// Reads a V8 .cpuprofile and says where the time went: self time by function and by package, and
// inclusive time of the functions named (e.g. the survey verbs).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "zod", "hono", "src/survey/submit.ts", "(native)"… : where a frame's code lives. */
function place(url: string): string {
  if (!url) return "(native or V8)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/((?:src|bench)\/.+)$/.exec(url);
  if (own?.[1]) return own[1];
  return url.startsWith("node:") ? "node core" : url;
}

/**
 * Milliseconds of self time per node id, counting only samples taken `window` ms after the profile
 * began (sample deltas are microseconds): start-up (compiling, source maps) is not the request path.
 */
function selfTimes(profile: CpuProfile, window: { from: number; to: number }): Map<number, number> {
  const self = new Map<number, number>();
  let at = 0;
  for (const [i, id] of profile.samples.entries()) {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    if (at >= window.from && at <= window.to) self.set(id, (self.get(id) ?? 0) + delta);
  }
  return self;
}

const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

/** Self time by function and by place, and inclusive time of each function in `names`. */
export function summariseProfile(
  profile: CpuProfile,
  names: readonly string[],
  window = { from: 0, to: Number.POSITIVE_INFINITY },
  n = 20,
) {
  const self = selfTimes(profile, window);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${place(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byPlace.set(place(url), (byPlace.get(place(url)) ?? 0) + ms);
  }
  const inclusive = (id: number): number => {
    const node = byId.get(id);
    return (self.get(id) ?? 0) + (node?.children ?? []).reduce((sum, child) => sum + inclusive(child), 0);
  };
  // Outermost frames of each name only, so that recursion is not counted twice.
  const named = new Map<string, number>();
  const walk = (id: number, inside: Set<string>) => {
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    const counts = names.includes(name) && !inside.has(name);
    if (counts) named.set(name, (named.get(name) ?? 0) + inclusive(id));
    const next = counts ? new Set([...inside, name]) : inside;
    for (const child of node.children ?? []) walk(child, next);
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  return { totalMs: total, byFunction: top(byFunction, n), byPlace: top(byPlace, n), named: [...named.entries()] };
}
