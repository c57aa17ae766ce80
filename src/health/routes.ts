import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { databaseIsHealthy } from "../lib/db";
import { AppError } from "../lib/errors";
import { jsonResponse } from "../lib/openapi";

/** For load balancers and uptime checks: answers only when the database does. */
export function healthRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["Health"],
      responses: { 200: jsonResponse(z.object({ status: z.literal("ok"), pdf: z.enum(["available", "unavailable"]) }), "Healthy") },
    }),
    (c) => {
      if (!databaseIsHealthy(deps.db)) throw new AppError("unavailable", "The database is not answering");
      return c.json({ status: "ok" as const, pdf: deps.renderer.available ? ("available" as const) : ("unavailable" as const) }, 200);
    },
  );
  return app;
}
