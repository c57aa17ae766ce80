import { hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drafts, invitations } from "../../src/db/schema";
import { getInstrument } from "../../src/instrument";
import { newToken } from "../../src/lib/ids";
import { seal } from "../../src/lib/sealing";
import { openDraft, sealDraft } from "../../src/survey/drafts";
import { MAX_COMMENT_LENGTH } from "../../src/survey/schemas";
import { createTestApp, type TestApp } from "../support/app";
import { call } from "../support/http";
import { openSurvey, survey } from "./helpers";

const core =
  getInstrument("core", 1) ??
  (() => {
    throw new Error("core v1 is missing");
  })();
const statusOf = (t: TestApp, id: string) => t.db.select().from(invitations).where(eq(invitations.id, id)).get()?.status;
const SECRET_COMMENT = "Marjolein keeps the agenda to herself";

describe("drafts", () => {
  it("saves and resumes a draft through the same link", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const draft = { answers: { "purpose.1": 4, "purpose.3": "dont_know" }, overall: 6, comments: { purpose: SECRET_COMMENT } };
    const saved = await call(t, "PUT", `${survey(token)}/draft`, draft);
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ saved: true });
    expect((await call(t, "GET", survey(token))).json.draft).toEqual(draft);

    // PUT replaces the whole draft; it does not merge.
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "value.1": 2 } });
    expect((await call(t, "GET", survey(token))).json.draft).toEqual({ answers: { "value.1": 2 } });
  });

  it("stores the draft sealed: no plaintext, and unreadable with another token", async () => {
    const t = createTestApp();
    const { invitation, token } = openSurvey(t);
    const draft = { answers: { "purpose.1": 4 }, comments: { relationships: SECRET_COMMENT } };
    await call(t, "PUT", `${survey(token)}/draft`, draft);
    const row = t.db.select().from(drafts).where(eq(drafts.invitationId, invitation.id)).get();
    if (!row) throw new Error("no draft stored");
    const bytes = row.sealed.toString("latin1");
    expect(bytes).not.toContain(SECRET_COMMENT);
    expect(bytes).not.toContain("purpose.1");
    expect(bytes).not.toContain(JSON.stringify(draft));
    expect(bytes).not.toContain(token);
    expect(openDraft(token, invitation.id, core, row.sealed)).toEqual(draft);
    expect(openDraft(newToken(), invitation.id, core, row.sealed)).toBeNull();
    expect(openDraft(token, "another-invitation", core, row.sealed)).toBeNull();
    const tampered = Buffer.from(row.sealed);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(openDraft(token, invitation.id, core, tampered)).toBeNull();
    expect(openDraft(token, invitation.id, core, Buffer.alloc(10))).toBeNull();
  });

  it("seals with a fresh nonce each time", () => {
    const a = sealDraft("token", "inv", core, { overall: 5 });
    const b = sealDraft("token", "inv", core, { overall: 5 });
    expect(a.equals(b)).toBe(false);
  });

  it("seals every draft at one size, from an empty one to the largest possible", async () => {
    const t = createTestApp();
    const everything = {
      answers: Object.fromEntries(core.themes.flatMap((theme) => theme.items.map((item) => [item.code, "dont_know"]))),
      overall: 10,
      trend: "better",
      involvement: "occasional",
      profile: { organisationType: "hospital", professionalGroup: "nursing" },
      // Characters outside the Basic Multilingual Plane take two code units each: the longest text.
      comments: Object.fromEntries(core.themes.map((theme) => [theme.code, "😀".repeat(MAX_COMMENT_LENGTH / 2)])),
    };
    const samples = [
      {},
      { answers: { "purpose.1": 4 } },
      { comments: { value: "x" } },
      { comments: { value: "y".repeat(1500) } },
      everything,
    ];
    const tokens: string[] = [];
    for (const draft of samples) {
      const { token } = openSurvey(t);
      tokens.push(token);
      expect((await call(t, "PUT", `${survey(token)}/draft`, draft)).status).toBe(200);
    }
    const sizes = t.db.$client.prepare("select length(sealed) from drafts").pluck().all();
    // The core answers (20,074 bytes sealed) and the modules' block (317), whether the round asks the modules or not.
    expect(new Set(sizes)).toEqual(new Set([20_074 + 317]));
    // The largest comes back whole.
    expect((await call(t, "GET", survey(tokens[4] ?? ""))).json.draft).toEqual(everything);
  });

  it("still opens a draft saved before drafts had one size", async () => {
    const t = createTestApp();
    const { invitation, token } = openSurvey(t);
    const draft = { answers: { "purpose.1": 4 }, comments: { value: "from before" } };
    const key = Buffer.from(hkdfSync("sha256", token, invitation.id, "netmirror draft v1", 32));
    const legacy = seal(key, Buffer.from(JSON.stringify(draft)), "");
    t.db.insert(drafts).values({ invitationId: invitation.id, sealed: legacy }).run();
    expect((await call(t, "GET", survey(token))).json.draft).toEqual(draft);
  });

  it("marks the invitation started at the first saved answer, never at a GET", async () => {
    const t = createTestApp();
    const { invitation, token } = openSurvey(t);
    await call(t, "GET", survey(token));
    await call(t, "GET", `${survey(token)}?lang=nl`);
    expect(statusOf(t, invitation.id)).toBe("invited");

    // A draft without answers (only a comment) is kept but does not count as started.
    await call(t, "PUT", `${survey(token)}/draft`, { comments: { value: "later" } });
    expect(statusOf(t, invitation.id)).toBe("invited");

    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "governance.2": 1 } });
    expect(statusOf(t, invitation.id)).toBe("started");

    // Emptying the draft again does not move the status back.
    await call(t, "PUT", `${survey(token)}/draft`, {});
    expect(statusOf(t, invitation.id)).toBe("started");
    expect((await call(t, "GET", survey(token))).json.draft).toEqual({});
  });

  it("rejects a bad draft with 400 naming the field and keeps the old one", async () => {
    const t = createTestApp();
    const { invitation, token } = openSurvey(t);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 4 } });
    const res = await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 9 } });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].field).toBe("answers.purpose.1");
    const unknown = await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.42": 2 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([{ field: "answers.purpose.42", message: "is not a known field" }]);
    expect((await call(t, "GET", survey(token))).json.draft).toEqual({ answers: { "purpose.1": 4 } });
    expect(statusOf(t, invitation.id)).toBe("started");
  });

  it("deletes the draft on submission", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 4 } });
    expect(t.db.select().from(drafts).all()).toHaveLength(1);
    expect((await call(t, "POST", `${survey(token)}/response`, { answers: { "purpose.1": 4 } })).status).toBe(201);
    expect(t.db.select().from(drafts).all()).toHaveLength(0);
  });
});
