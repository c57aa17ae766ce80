// A facilitator can pad a round with links they answer themselves; that cannot be prevented, so
// every link made or reissued is on record in the audit log.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema";
import { createOpenInvitation } from "../../src/invitations/service";
import { setup } from "../rounds/support";
import { makeInvitation, makeMember, makeRound } from "../support/factories";

const entries = (t: ReturnType<typeof setup>["t"], action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("the audit log of links", () => {
  it("records a link made through an open link, by nobody, without the link's id", () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", access: "open", openedAt: t.clock.now() });
    createOpenInvitation(t, round.id);
    createOpenInvitation(t, round.id);
    const rows = entries(t, "invitation.open_link");
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ userId: null, targetType: "round", targetId: round.id, detail: null });
  });

  it("records the personal links made, by whom, and each link reissued", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    makeMember(t, cast.network.id);
    const made = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true });
    expect(made.status).toBe(201);
    expect(entries(t, "invitations.create")).toEqual([
      expect.objectContaining({
        userId: cast.facilitator.user.id,
        targetId: round.id,
        detail: { count: 1, invitationIds: [made.json.invitations[0].id] },
      }),
    ]);
    const other = makeInvitation(t, round.id, { memberId: makeMember(t, cast.network.id).id });
    expect((await asFacilitator("POST", `/api/v1/invitations/${other.id}/reissue`)).status).toBe(201);
    expect(entries(t, "invitation.reissue")).toEqual([
      expect.objectContaining({ userId: cast.facilitator.user.id, targetId: round.id, detail: { invitationId: other.id } }),
    ]);
  });
});
