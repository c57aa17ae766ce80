import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drafts, invitations } from "../../src/db/schema";
import { hashToken } from "../../src/lib/ids";
import { setup } from "../rounds/support";
import { makeInvitation, makeMember, makeRound } from "../support/factories";

describe("POST /api/v1/invitations/:id/reissue", () => {
  it("gives the same invitation a new token so the old link stops working, keeping its status", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    const member = makeMember(t, cast.network.id);
    const old = makeInvitation(t, round.id, { memberId: member.id, status: "started" });
    t.db
      .insert(drafts)
      .values({ invitationId: old.id, sealed: Buffer.from("sealed with the old token") })
      .run();

    const res = await asFacilitator("POST", `/api/v1/invitations/${old.id}/reissue`);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: old.id, memberId: member.id, url: expect.stringMatching(/^http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}$/) });
    const token = res.json.url.split("/s/")[1];
    expect(token).not.toBe(old.token);

    const row = t.db.select().from(invitations).where(eq(invitations.id, old.id)).get();
    expect(row).toEqual({ id: old.id, roundId: round.id, memberId: member.id, tokenHash: hashToken(token), status: "started" });
    expect(
      t.db
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(old.token)))
        .all(),
    ).toHaveLength(0);
    expect(t.db.select().from(invitations).all()).toHaveLength(1);
    // The draft was sealed with the old token and could never be opened again.
    expect(t.db.select().from(drafts).all()).toHaveLength(0);
  });

  it("answers 409 for a submitted link and for a closed round, changing nothing", async () => {
    const { t, cast, asFacilitator } = setup();
    const open = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    const closed = makeRound(t, cast.network.id, { status: "closed", closedAt: t.clock.now() });
    const used = makeInvitation(t, open.id, { status: "submitted" });
    const late = makeInvitation(t, closed.id);
    for (const invitation of [used, late]) {
      const res = await asFacilitator("POST", `/api/v1/invitations/${invitation.id}/reissue`);
      expect(res.status).toBe(409);
      expect(t.db.select().from(invitations).where(eq(invitations.id, invitation.id)).get()?.tokenHash).toBe(hashToken(invitation.token));
    }
  });

  it("answers 404 for an invitation that does not exist", async () => {
    const { asFacilitator } = setup();
    expect((await asFacilitator("POST", "/api/v1/invitations/nope/reissue")).status).toBe(404);
  });
});
