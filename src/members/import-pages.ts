import { Hono } from "hono";
import { authorizeNetwork } from "../auth/access";
import type { AppEnv, Deps } from "../lib/app-env";
import { formatterFor } from "../lib/format";
import { formBody, formErrors, formFields, type PageContext, page, signedInActor } from "../lib/pages";
import { parseRosterCsv } from "./import";
import { rowsForConfirm, rowsFromConfirm } from "./import-confirm";
import { type ImportPreview, previewImport } from "./import-preview";
import { members, type NetworkRow, renderRoster } from "./roster-model";
import { addMembers, rosterEmails } from "./service";

// Every duplicate and error is listed; rows to add are many and alike, so the page shows a sample.
const SHOWN_TO_ADD = 500;

/** The CSV as text: the uploaded file when one was chosen, else the pasted rows. */
async function uploadedCsv(c: PageContext): Promise<{ text: string } | { error: string }> {
  const body = await formBody(c);
  const file = body.file;
  if (file instanceof File && file.size > 0) {
    try {
      // fatal: a file saved as Windows-1252 would otherwise import "Jos\uFFFD" instead of "José".
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
    } catch {
      return { error: "The file is not UTF-8 text. In your spreadsheet choose Save as › “CSV UTF-8”, then choose the file again" };
    }
  }
  const pasted = typeof body.csv === "string" ? body.csv : "";
  if (pasted.trim() !== "") return { text: pasted };
  return { error: "Choose a CSV file, or paste the rows with their header row" };
}

function previewModel(network: NetworkRow, preview: ImportPreview, missingColumns: string[]) {
  const { toAdd, duplicates, errors } = preview;
  const count = formatterFor("en").count;
  return {
    title: `Check the import · ${network.name}`,
    network: { id: network.id, name: network.name },
    counts: {
      toAdd: `${members(toAdd.length)} to add`,
      duplicates: `${count(duplicates.length)} ${duplicates.length === 1 ? "duplicate" : "duplicates"} (skipped)`,
      errors: `${count(errors.length)} ${errors.length === 1 ? "row" : "rows"} with errors (skipped)`,
    },
    addLabel: `Add ${members(toAdd.length)}`,
    rowErrors: errors.map((e) => ({ line: e.line, problems: e.problems.join("; ") })),
    duplicates,
    toAdd: toAdd.slice(0, SHOWN_TO_ADD).map((r) => ({ line: r.line, ...r.member })),
    hiddenCount: toAdd.length > SHOWN_TO_ADD ? count(toAdd.length - SHOWN_TO_ADD) : null,
    shownCount: count(Math.min(toAdd.length, SHOWN_TO_ADD)),
    missingColumns:
      missingColumns.length > 0 ? `${missingColumns.join(" or ")} ${missingColumns.length === 1 ? "column" : "columns"}` : null,
    rowsJson: toAdd.length > 0 ? rowsForConfirm(toAdd) : null,
  };
}

/** Importing a roster CSV in two steps: a preview that saves nothing, then a confirm that adds the valid rows. */
export function importPages(deps: Deps) {
  const { db, views } = deps;
  const app = new Hono<AppEnv>();

  app.post("/networks/:id/members/import", async (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const upload = await uploadedCsv(c);
    const parsed = "text" in upload ? parseRosterCsv(upload.text) : { ok: false as const, message: upload.error };
    if (!parsed.ok) return renderRoster(c, deps, network, formErrors([{ field: "file", message: parsed.message }]), 400);
    const preview = previewImport(parsed.rows, rosterEmails(db, network.id));
    return page(c, views, "members/import-preview", previewModel(network, preview, parsed.missingColumns));
  });

  app.post("/networks/:id/members/import/confirm", async (c) => {
    const actor = signedInActor(c);
    const { network } = authorizeNetwork(db, actor, c.req.param("id"), "manage");
    const rows = rowsFromConfirm((await formFields(c)).rows);
    // The roster may have changed since the preview: check the rows against it as it is now.
    const preview = rows ? previewImport(rows, rosterEmails(db, network.id)) : null;
    if (!preview || preview.errors.length > 0) {
      const message = "The checked rows did not arrive intact, so nothing was added. Import the file again";
      return renderRoster(c, deps, network, formErrors([{ field: "file", message }]), 400);
    }
    const added =
      preview.toAdd.length > 0
        ? addMembers(
            deps,
            actor,
            network.id,
            preview.toAdd.map((r) => r.member),
          ).length
        : 0;
    return c.redirect(`/networks/${network.id}/members?done=imported&count=${added}&skipped=${preview.duplicates.length}`, 303);
  });

  return app;
}
