import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { fromRoot } from "./paths";

/** Serves the stylesheet (read once at start; small, cacheable for a day). */
export function staticAssets() {
  const css = readFileSync(fromRoot("templates", "assets", "app.css"), "utf8");
  const app = new Hono<AppEnv>();
  app.get("/assets/app.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(css);
  });
  return app;
}
