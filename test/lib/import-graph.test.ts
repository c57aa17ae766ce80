// No import circles in src/: a circle means two modules each need the other loaded first, which is
// how "reads" and "writes" of one feature tangle (results/freeze ↔ published ↔ previous did).
// Type-only imports are erased at run time and do not count.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** Each module's run-time imports of other modules in src/. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const targets = [...readFileSync(file, "utf8").matchAll(IMPORT)]
        .filter((match) => !match[1])
        .map((match) => normalize(join(dirname(file), match[2] ?? "")))
        .map((target) => [`${target}.ts`, join(target, "index.ts"), target].find((candidate) => known.has(candidate)))
        .filter((target): target is string => target !== undefined);
      return [file, targets];
    }),
  );
}

/** Every circle as a list of modules, found by depth-first search (one report per circle's entry). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the module graph of src/", () => {
  it("has no import circles", () => {
    const found = circles(importGraph(sourceFiles(SRC))).map((circle) => circle.map((file) => relative(SRC, file)).join(" → "));
    expect(found).toEqual([]);
  });

  it("would see a circle if there were one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(circles(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
