import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { fromRoot } from "./paths";

const TEMPLATES = fromRoot("templates");

export interface Views {
  /** Renders `templates/pages/<page>.hbs` inside a layout (default `main`; `null` for none). */
  render(page: string, data: object, layout?: string | null): string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith(".hbs") ? [join(dir, entry.name)] : [],
  );
}

function nameOf(root: string, file: string): string {
  return relative(root, file)
    .replace(/\\/g, "/")
    .replace(/\.hbs$/, "");
}

/** Helpers for templates. None of them returns unescaped input. */
function registerHelpers(hbs: typeof Handlebars) {
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
}

/**
 * Compiles every template once, at start: layouts from `layouts/`, partials from `partials/`
 * (named by their path, e.g. `survey/progress`) and pages from `pages/`.
 */
export function loadViews(root = TEMPLATES): Views {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  for (const file of walk(join(root, "partials"))) {
    hbs.registerPartial(nameOf(join(root, "partials"), file), readFileSync(file, "utf8"));
  }
  const compile = (dir: string) =>
    new Map(
      walk(join(root, dir)).map((file) => [nameOf(join(root, dir), file), hbs.compile(readFileSync(file, "utf8"), { strict: false })]),
    );
  const layouts = compile("layouts");
  const pages = compile("pages");

  return {
    render(page, data, layout = "main") {
      const template = pages.get(page);
      if (!template) throw new Error(`No template pages/${page}.hbs`);
      const body = template(data);
      if (layout === null) return body;
      const frame = layouts.get(layout);
      if (!frame) throw new Error(`No template layouts/${layout}.hbs`);
      // The page body was rendered (and escaped) by our own template; the layout inserts it whole.
      return frame({ ...data, body: new hbs.SafeString(body) });
    },
  };
}
