import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, ErrorSchema, IdParams, jsonResponse } from "../lib/openapi";
import { loadRound } from "../rounds/load";
import { reportPdf } from "./service";

/** `?lang=en|nl`; the round's own language by default. */
export const ReportLangQuery = z.object({
  lang: z.enum(["en", "nl"]).optional().openapi({ description: "Language of the report; the round's own by default" }),
});

/** The mirror report PDF. It holds members' comments, so it needs the "comments" permission. */
export function reportRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/rounds/{id}/report.pdf",
      tags: ["Reports"],
      summary: "The mirror report of a closed round, as PDF",
      request: { params: IdParams, query: ReportLangQuery },
      responses: {
        200: {
          content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
          description: "The report, as an attachment",
        },
        ...commonErrors,
        409: jsonResponse(ErrorSchema, "The round is not closed yet"),
        503: jsonResponse(ErrorSchema, "No browser to render PDFs on this server, or it is too busy; `Retry-After` when busy"),
      },
    }),
    async (c) => {
      const { round, network } = loadRound(deps, c.get("actor"), c.req.valid("param").id, "comments");
      const current = round;
      const lang = c.req.valid("query").lang ?? current.language;
      const { pdf, filename } = await reportPdf(deps, current, network, lang);
      return c.body(new Uint8Array(pdf), 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      });
    },
  );
  return app;
}
