import type { z } from "zod";
import type { ErrorDetail } from "../lib/errors";
import type { CsvRow } from "./import";
import { type NewMemberInput, NewMemberSchema } from "./schemas";

/** A valid row that will be added; `member` is exactly what addMembers receives. */
export interface RowToAdd {
  line: number;
  member: NewMemberInput;
}

export interface DuplicateRow {
  line: number;
  name: string;
  email: string;
  reason: string;
}

export interface RowError {
  line: number;
  problems: string[];
}

export interface ImportPreview {
  toAdd: RowToAdd[];
  duplicates: DuplicateRow[];
  errors: RowError[];
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * What is wrong with a member's fields, in words a facilitator can fix in the spreadsheet; one
 * entry per field. Used by the import preview and the add-a-member form alike.
 */
export function memberProblems(values: { email?: string }, error: z.ZodError): ErrorDetail[] {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "name");
    if (byField.has(field)) continue;
    if (field === "name") byField.set(field, issue.code === "too_big" ? "name is longer than 200 characters" : "name is missing");
    else if (field === "email") byField.set(field, `email “${short(values.email ?? "")}” is not a valid email address`);
    else if (field === "organisation") byField.set(field, "organisation is longer than 200 characters");
    else byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/**
 * Sorts parsed rows into rows to add, duplicates (by email, against the roster and earlier in the
 * file) and rows with errors. Pure: the caller passes the roster's emails (lower-cased).
 * @example previewImport([{ line: 2, name: "Ann", email: "ann@example.org", organisation: "" }], new Set()).toAdd.length // 1
 */
export function previewImport(rows: CsvRow[], rosterEmails: ReadonlySet<string>): ImportPreview {
  const preview: ImportPreview = { toAdd: [], duplicates: [], errors: [] };
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = NewMemberSchema.safeParse({
      name: row.name,
      email: row.email || undefined,
      organisation: row.organisation || undefined,
    });
    if (!parsed.success) {
      preview.errors.push({ line: row.line, problems: memberProblems(row, parsed.error).map((p) => p.message) });
      continue;
    }
    const member = parsed.data;
    const email = member.email;
    if (email && rosterEmails.has(email)) {
      preview.duplicates.push({ line: row.line, name: member.name, email, reason: "already on the roster" });
      continue;
    }
    const first = email ? firstLineOf.get(email) : undefined;
    if (email && first !== undefined) {
      preview.duplicates.push({ line: row.line, name: member.name, email, reason: `same email as line ${first}` });
      continue;
    }
    if (email) firstLineOf.set(email, row.line);
    preview.toAdd.push({ line: row.line, member });
  }
  return preview;
}
