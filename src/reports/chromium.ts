import { accessSync, constants } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

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

export const INSTALL_HINT = "Install Debian's Chromium (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH";

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
