// The real app (createApp) over a bench database, listening on a local port in this process: for
// the routes measured in process (compare, cached PDF) without a second server start.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { appDeps, createApp } from "../src/app";
import { createSession, SESSION_COOKIE } from "../src/auth/sessions";
import { users } from "../src/db/schema";
import { systemClock } from "../src/lib/clock";
import { loadConfig } from "../src/lib/config";
import type { Db } from "../src/lib/db";
import { loadViews } from "../src/lib/html";
import { newId } from "../src/lib/ids";
import { createLogger } from "../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../src/reports/renderer";

export interface InProcessApp {
  url: string;
  close(): Promise<void>;
}

/** Serves createApp over `db` on a free local port; the renderer (if any) stays the caller's to close. */
export async function serveApp(db: Db, renderer?: PdfRenderer): Promise<InProcessApp> {
  const logger = createLogger("silent");
  const config = loadConfig({ PUBLIC_URL: "http://127.0.0.1", LOG_LEVEL: "silent" });
  const app = createApp(
    appDeps({
      db,
      config,
      clock: systemClock,
      logger,
      views: loadViews(),
      renderer: renderer ?? createPdfRenderer({ logger }),
    }),
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A user of `role` with a live session; returns the id and the Cookie header value. */
export function signedIn(db: Db, role: "admin" | "commissioner") {
  const id = newId();
  db.insert(users)
    .values({ id, email: `${role}-${id}@example.org`, name: `Bench ${role}`, role, passwordHash: "unused", createdAt: systemClock.now() })
    .run();
  const { token } = createSession(db, systemClock, id);
  return { userId: id, cookie: `${SESSION_COOKIE}=${token}` };
}
