#!/usr/bin/env bash
# Installs the HTTP peers Kite is compared with: Deno and Bun from npm into
# build/peers/ (their npm packages ship the binaries), Node from the machine
# (Debian's nodejs if missing), wrk and nginx from Debian. Idempotent.
# Prints where each peer is; a peer that cannot be installed is reported and
# skipped, never fatal.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --load || exit 1
if ! command -v node >/dev/null; then
  echo "peers: installing nodejs and npm from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm || true
fi
prefix=build/peers
mkdir -p "$prefix"
want=()
[ -x "$prefix/node_modules/.bin/deno" ] || want+=(deno@2)
[ -x "$prefix/node_modules/.bin/bun" ] || want+=(bun@1)
if [ ${#want[@]} -gt 0 ] && command -v npm >/dev/null; then
  echo "peers: npm install ${want[*]} into $prefix"
  (cd "$prefix" && [ -f package.json ] || echo '{"name":"kite-peers","private":true}' > package.json)
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "${want[@]}" ||
    echo "peers: npm install failed; the missing peers will be skipped"
fi
for p in node deno bun nginx wrk; do
  path=$(PATH="$PWD/$prefix/node_modules/.bin:$PATH" command -v "$p" || true)
  if [ -n "$path" ]; then echo "peers: $p = $path"; else echo "peers: $p missing (skipped)"; fi
done
