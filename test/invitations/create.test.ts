import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invitations } from "../../src/db/schema";
import { hashToken } from "../../src/lib/ids";
import { setup } from "../rounds/support";
import { makeMember, makeNetwork, makeRound } from "../support/factories";

const tokenOf = (url: string) => /^http:\/\/localhost\/s\/([A-Za-z0-9_-]+)$/.exec(url)?.[1] ?? "";

describe("POST /api/v1/rounds/:id/invitations", () => {
  it("makes one link per member with a 128-bit token, storing only its SHA-256 hash", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    const ann = makeMember(t, cast.network.id, { name: "Ann" });
    const bob = makeMember(t, cast.network.id, { name: "Bob" });
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
    expect(res.status).toBe(201);
    expect(res.json.invitations.map((i: { memberId: string }) => i.memberId)).toEqual([ann.id, bob.id]);
    const tokens: string[] = res.json.invitations.map((i: { url: string }) => tokenOf(i.url));
    for (const token of tokens) expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const rows = t.db.select().from(invitations).where(eq(invitations.roundId, round.id)).all();
    expect(rows.map((r) => r.tokenHash).sort()).toEqual(tokens.map(hashToken).sort());
    expect(rows.every((r) => r.status === "invited")).toBe(true);
    expect(res.json.invitations[0]).toEqual({ id: rows.find((r) => r.memberId === ann.id)?.id, memberId: ann.id, url: expect.any(String) });
    // Every link made is on record (ids only: the tokens are shown once, never stored).
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "invitations.create")).get()?.detail).toEqual({
      count: 2,
      invitationIds: res.json.invitations.map((i: { id: string }) => i.id),
    });

    // The token itself is nowhere in the database files (main file and write-ahead log).
    t.db.$client.pragma("wal_checkpoint(FULL)");
    const bytes = readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)).toString("latin1"));
    for (const token of tokens) for (const file of bytes) expect(file.includes(token)).toBe(false);
    expect(bytes.some((file) => file.includes(hashToken(tokens[0] ?? "")))).toBe(true);
  });

  it("never makes a second link for a member: a repeat call returns only new links", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    const ann = makeMember(t, cast.network.id);
    const first = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { memberIds: [ann.id, ann.id] });
    expect(first.json.invitations).toHaveLength(1);
    const again = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
    expect(again.status).toBe(201);
    expect(again.json).toEqual({ invitations: [] });
    const carl = makeMember(t, cast.network.id);
    const later = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
    expect(later.json.invitations.map((i: { memberId: string }) => i.memberId)).toEqual([carl.id]);
    expect(t.db.select().from(invitations).all()).toHaveLength(2);
  });

  it.each([
    ["neither memberIds nor all", {}, "memberIds"],
    ["both memberIds and all", { memberIds: ["x"], all: true }, "memberIds"],
    ["all: false", { all: false }, "all"],
    ["an empty memberIds", { memberIds: [] }, "memberIds"],
    ["an unknown field", { all: true, send: true }, "send"],
  ])("refuses %s with 400 naming the field", async (_, body, field) => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    makeMember(t, cast.network.id);
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, body);
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });

  it("names each member id that is unknown or of another network, and makes no links at all", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id);
    const ours = makeMember(t, cast.network.id);
    const theirs = makeMember(t, makeNetwork(t).id);
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { memberIds: [ours.id, "nobody", theirs.id] });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([
      { field: "memberIds.1", message: "is not a member of this network" },
      { field: "memberIds.2", message: "is not a member of this network" },
    ]);
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });

  it("answers 409 for a closed round and for an open-link round", async () => {
    const { t, cast, asFacilitator } = setup();
    makeMember(t, cast.network.id);
    const closed = makeRound(t, cast.network.id, { status: "closed", closedAt: t.clock.now() });
    const open = makeRound(t, cast.network.id, { access: "open" });
    for (const round of [closed, open]) {
      const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
      expect(res.status).toBe(409);
    }
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });
});
