import { accessSync, constants } from "node:fs";
import type { LaunchOptions } from "puppeteer";

/**
 * Debian's headless shell first (package chromium-headless-shell: the same Chromium build, without
 * the full browser's window, tabs and profile machinery), then the full browser. On two cores the
 * shell prints a report with about a fifth of the CPU the full browser needs (a new context and page
 * cost ~0.1 s against ~0.45 s, a launch ~0.1 s against ~0.7 s), and lays pages out the same way.
 */
const CANDIDATES = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to render PDFs with: the configured path (which must exist), else the first system
 * browser found. Undefined when there is none; the caller says what to install.
 */
export function findChromium(configured?: string): string | undefined {
  if (configured) return isExecutable(configured) ? configured : undefined;
  return CANDIDATES.find(isExecutable);
}

export const INSTALL_HINT =
  "Install Debian's Chromium (apt-get install chromium-headless-shell, or chromium) or set PUPPETEER_EXECUTABLE_PATH";

/** Launch flags: no sandbox only as root (Chromium refuses it otherwise), nothing that calls home. */
export function chromiumArgs(): string[] {
  const args = [
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}

/**
 * How to launch `executablePath`: a headless shell in Puppeteer's "shell" mode (it has no other),
 * any other Chromium in its new headless mode. Over a pipe rather than a WebSocket: Chromium quits
 * when the pipe closes, so a server that is killed (kill -9, the OOM killer) takes its browser with
 * it instead of leaving it running with no parent.
 */
export function launchOptions(executablePath: string): LaunchOptions {
  const shell = /headless[-_]shell/.test(executablePath);
  return { executablePath, headless: shell ? "shell" : true, args: chromiumArgs(), pipe: true };
}
