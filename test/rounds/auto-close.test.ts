import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { networkHistories } from "../../src/compare/service";
import { drafts, roundResults, rounds } from "../../src/db/schema";
import { startAutoClose } from "../../src/rounds/auto-close";
import { makeInvitation, makeRound } from "../support/factories";
import { call } from "../support/http";
import { setup } from "./support";

// Within the session lifetime of the clock's start (2026-03-02T09:00Z), so the cast stays signed in.
const CLOSES = new Date("2026-03-02T17:00:00Z");

/** An open round closing at CLOSES, with one saved draft. */
function openRoundWithDraft(t: ReturnType<typeof setup>["t"], networkId: string) {
  const round = makeRound(t, networkId, { status: "open", openedAt: t.clock.now(), closesAt: CLOSES });
  const invitation = makeInvitation(t, round.id, { status: "started" });
  t.db
    .insert(drafts)
    .values({ invitationId: invitation.id, sealed: Buffer.from("sealed bytes") })
    .run();
  return round;
}

describe("auto-close", () => {
  it("closes a round read after its closing time, at its closing time, freezing results and deleting drafts", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = openRoundWithDraft(t, cast.network.id);
    t.clock.set("2026-03-02T16:59:59Z");
    expect((await asFacilitator("GET", `/api/v1/rounds/${round.id}`)).json.status).toBe("open");
    t.clock.set("2026-03-02T18:00:00Z");
    const res = await asFacilitator("GET", `/api/v1/rounds/${round.id}`);
    expect(res.json).toMatchObject({ status: "closed", closedAt: CLOSES.toISOString() });
    expect(t.db.select().from(roundResults).where(eq(roundResults.roundId, round.id)).get()).toBeDefined();
    expect(t.db.select().from(drafts).all()).toHaveLength(0);
  });

  it("closes due rounds in the network's list too", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = openRoundWithDraft(t, cast.network.id);
    t.clock.set("2026-03-02T18:00:00Z");
    const res = await asFacilitator("GET", `/api/v1/networks/${cast.network.id}/rounds`);
    expect(res.json.rounds.find((r: { id: string }) => r.id === round.id).status).toBe("closed");
  });

  it("closes a due round in the network page's list, at its closing time, through loadRound", async () => {
    const { t, cast } = setup();
    const round = openRoundWithDraft(t, cast.network.id);
    t.clock.set("2026-03-02T18:00:00Z");
    const page = await call(t, "GET", `/networks/${cast.network.id}`, undefined, { cookie: cast.facilitator.cookie });
    expect(page.status).toBe(200);
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()).toMatchObject({ status: "closed", closedAt: CLOSES });
  });

  it("leaves a due round open when only compare reads it: the scheduled closer closes it", () => {
    const { t, cast } = setup();
    const round = openRoundWithDraft(t, cast.network.id);
    t.clock.set("2026-03-02T18:00:00Z");
    const [history] = networkHistories(t.deps, [cast.network], { id: "core", version: 1 });
    expect(history?.rounds).toEqual([]);
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()?.status).toBe("open");
  });

  it("refuses to extend or invite once the closing time has passed, even before anyone looked", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = openRoundWithDraft(t, cast.network.id);
    t.clock.set("2026-03-02T18:00:00Z");
    const res = await asFacilitator("PATCH", `/api/v1/rounds/${round.id}`, { closesAt: "2026-03-20T00:00:00Z" });
    expect(res.status).toBe(409);
    const invite = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
    expect(invite.status).toBe(409);
  });

  it("startAutoClose closes due rounds on the timer's tick without any request, and logs the count", () => {
    const { t, cast } = setup();
    const due = openRoundWithDraft(t, cast.network.id);
    const later = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now(), closesAt: new Date("2026-04-01T00:00:00Z") });
    t.clock.set("2026-03-02T18:00:00Z");
    const stop = startAutoClose(t.deps);
    stop();
    const status = (id: string) => t.db.select().from(rounds).where(eq(rounds.id, id)).get()?.status;
    expect(status(due.id)).toBe("closed");
    expect(status(later.id)).toBe("open");
    expect(t.db.select().from(drafts).all()).toHaveLength(0);
    expect(t.logs).toContainEqual(expect.objectContaining({ msg: "rounds closed at their closing time", count: 1 }));
  });
});
