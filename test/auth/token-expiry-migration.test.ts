// Tokens made before expiry existed: the migration gives each 90 days from the moment it runs.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/lib/db";
import { databaseBefore } from "../support/database-at";

const DAY = 86_400_000;

describe("migration api_token_expiry", () => {
  it("gives every existing token an expiry 90 days after the migration, revoked ones included", () => {
    const file = databaseBefore("api_token_expiry");
    const old = new Database(file);
    old.exec(`
      insert into users (id, email, name, role, password_hash, created_at) values ('u1', 'fran@example.org', 'Fran', 'facilitator', 'x', 0);
      insert into api_tokens (id, user_id, name, token_hash, created_at, revoked_at) values
        ('t1', 'u1', 'old script', 'h1', 0, null), ('t2', 'u1', 'revoked one', 'h2', 0, 5);
    `);
    old.close();
    const before = Date.now();
    const db = openDatabase(file);
    const after = Date.now();
    const rows = db.$client.prepare("select id, expires_at, revoked_at from api_tokens order by id").all() as {
      id: string;
      expires_at: number;
      revoked_at: number | null;
    }[];
    db.$client.close();
    expect(rows.map((r) => [r.id, r.revoked_at])).toEqual([
      ["t1", null],
      ["t2", 5],
    ]);
    for (const row of rows) {
      // The migration's clock has whole seconds.
      expect(row.expires_at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 90 * DAY);
      expect(row.expires_at).toBeLessThanOrEqual(after + 90 * DAY);
    }
  });
});
