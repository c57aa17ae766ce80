#!/usr/bin/env bash
# Installs everything netmirror needs on a Debian machine: Debian's Chromium and fonts (for PDF
# reports) and the npm dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Liberation Sans"; then
  echo "setup: installing Debian's chromium and fonts for PDF reports"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
fi
command -v chromium >/dev/null 2>&1 || { echo "setup: chromium is still missing; PDF reports will answer 503" >&2; exit 1; }

# Puppeteer must never download a browser of its own (.puppeteerrc.cjs says so too).
export PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies"
  npm ci --no-audit --no-fund
fi
