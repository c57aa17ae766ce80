import { Hono } from "hono";
import QRCode from "qrcode";
import { LOCALE } from "../i18n/locale";
import { POSTER_TEXT } from "../i18n/poster";
import type { AppEnv, Deps } from "../lib/app-env";
import { fileSlug } from "../lib/csv";
import { AppError } from "../lib/errors";
import { type PageContext, page } from "../lib/pages";
import { zonedDateTime } from "../lib/zoned-time";
import { surveyMinutes } from "../survey/length";
import { previewModules } from "../survey/modules";
import { loadRound } from "./load";
import { openUrlOf } from "./round-json";

// Error correction M survives a crease or a smudge on a printed poster and keeps the code coarse
// enough to scan across a room; the quiet zone of 4 modules is what scanners expect.
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;
const SVG_SIZE = 1024;
const PNG_SIZE = 1200;

/** The printable poster of an open-access round and its QR code as SVG and PNG (managers only). */
export function posterPages(deps: Deps) {
  const { views, config } = deps;
  const app = new Hono<AppEnv>();

  /** The round and its open link; 404 for invite rounds (they have none), 409 before it exists, 410 once closed. */
  const openLink = (c: PageContext) => {
    const found = loadRound(deps, c.get("actor"), c.req.param("id") ?? "", "manage");
    const round = found.round;
    if (round.access !== "open") throw new AppError("not_found", "This round uses personal invitations; it has no open link or poster");
    if (round.status === "closed")
      throw new AppError("gone", "This round has closed: its open link takes no more answers, so there is no poster");
    const url = openUrlOf(config, round);
    if (!url) throw new AppError("not_ready", "The open link is made when the round opens");
    return { ...found, round, url };
  };
  const image = (c: PageContext, body: string | Uint8Array, type: string, ext: string, title: string) =>
    c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
      "Content-Type": type,
      "Content-Disposition": `inline; filename="qr-${fileSlug(title, "round")}.${ext}"`,
      "Cache-Control": "private, no-cache",
    });

  app.get("/rounds/:id/poster", (c) => {
    const { round, network, url } = openLink(c);
    const t = POSTER_TEXT[round.language];
    return page(c, views, "rounds/poster", {
      title: `Poster · ${round.title}`,
      network: { id: network.id, name: network.name },
      round: { id: round.id, title: round.title },
      posterLang: round.language,
      text: {
        heading: t.heading(network.name),
        body: t.body(surveyMinutes(previewModules(deps.db, round).modules)),
        scan: t.scan,
        type: t.type,
        qrAlt: t.qrAlt,
        until: round.closesAt ? t.until(zonedDateTime(round.closesAt, network.timeZone, LOCALE[round.language])) : null,
      },
      url,
      draft: round.status === "draft",
    });
  });

  app.get("/rounds/:id/poster.svg", async (c) => {
    const { round, url } = openLink(c);
    const svg = await QRCode.toString(url, { ...QR_OPTIONS, type: "svg", width: SVG_SIZE });
    return image(c, svg, "image/svg+xml; charset=utf-8", "svg", round.title);
  });

  app.get("/rounds/:id/poster.png", async (c) => {
    const { round, url } = openLink(c);
    const png = await QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", width: PNG_SIZE });
    return image(c, png, "image/png", "png", round.title);
  });

  return app;
}
