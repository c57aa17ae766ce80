// Every route and page that reaches a round for a signed-in person goes through loadRound, which
// checks access and brings the round up to date: a new handler cannot forget either half.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRound } from "../../src/rounds/load";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
/** Files that answer HTTP requests: API routes and HTML pages. */
const isHandlerFile = (name: string) => /(^|-)(routes|pages)\.ts$/.test(name) || ["poster.ts", "preview.ts"].includes(name);

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? handlerFiles(join(dir, entry.name)) : isHandlerFile(entry.name) ? [join(dir, entry.name)] : [],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("reaching a round from a route or page", () => {
  it("goes through loadRound: no handler decides round access or closes rounds by itself", () => {
    const offenders = handlerFiles(SRC)
      .map((file) => ({ file: relative(SRC, file), text: readFileSync(file, "utf8") }))
      .filter(({ text }) => /\bauthorizeRound\(/.test(text) || /\bcurrentRound\(/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("leaves closing a due round to loadRound and the scheduled closer: no other file of src/ calls the auto-close", () => {
    // currentRound closes one round past its closing time, closeDueRounds all of them (both in
    // rounds/lifecycle.ts, where they are defined). Lists, views, verbs, compare and the portfolio
    // either go through loadRound (loadRounds for a list) or read rounds without closing them.
    const allowed: Record<string, string[]> = {
      "rounds/lifecycle.ts": ["currentRound", "closeDueRounds"],
      "rounds/load.ts": ["currentRound"],
      "rounds/auto-close.ts": ["closeDueRounds"],
    };
    const offenders = sourceFiles(SRC)
      .map((file) => ({ file: relative(SRC, file), text: readFileSync(file, "utf8") }))
      .flatMap(({ file, text }) =>
        ["currentRound", "closeDueRounds"]
          .filter((name) => new RegExp(`\\b${name}\\(`).test(text) && !allowed[file]?.includes(name))
          .map((name) => `${file} calls ${name}`),
      );
    expect(offenders).toEqual([]);
  });

  it("answers 404 to someone who may not see the round, 403 to someone who may see but not manage it, and closes a due round first", () => {
    const t = createTestApp({ now: "2026-03-01T12:00:00Z" });
    const { facilitator, otherFacilitator, commissioner, network } = makeCast(t);
    const due = makeRound(t, network.id, { status: "open", closesAt: new Date("2026-03-01T11:00:00Z") });
    const stranger = otherFacilitator.user;
    const actorOf = (user: { id: string; email: string; name: string; role: "admin" | "facilitator" | "commissioner" }) => ({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      via: "session" as const,
    });
    expect(() => loadRound(t.deps, actorOf(stranger), due.id, "view")).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => loadRound(t.deps, actorOf(commissioner.user), due.id, "manage")).toThrow(expect.objectContaining({ status: 403 }));
    const { round } = loadRound(t.deps, actorOf(facilitator.user), due.id, "manage");
    expect(round.status).toBe("closed");
  });
});
