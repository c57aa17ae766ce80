import { z } from "zod";
import { type CsvRow, MAX_IMPORT_ROWS } from "./import";
import type { RowToAdd } from "./import-preview";

// Only the shape is checked here; previewImport checks every value again with NewMemberSchema.
// A lone surrogate cannot be stored as UTF-8: such a row did not come from our preview page.
const text = z
  .string()
  .max(1000)
  .refine((v) => !/\p{Cs}/u.test(v));
const PostedRows = z
  .array(z.strictObject({ name: text, email: text.optional(), organisation: text.optional() }))
  .min(1)
  .max(MAX_IMPORT_ROWS);

/** The rows to add, as the preview page's confirm form carries them (a hidden field). */
export function rowsForConfirm(toAdd: RowToAdd[]): string {
  return JSON.stringify(toAdd.map((r) => r.member));
}

/**
 * The rows a confirm form posted back, or null when they are not what a preview produces. They
 * came through the browser, so they go through previewImport again, like rows of a file.
 */
export function rowsFromConfirm(posted: string | undefined): CsvRow[] | null {
  let data: unknown;
  try {
    data = JSON.parse(posted ?? "");
  } catch {
    return null;
  }
  const parsed = PostedRows.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.map((m, i) => ({ line: i + 1, name: m.name, email: m.email ?? "", organisation: m.organisation ?? "" }));
}
