#!/usr/bin/env bash
# Regenerates engine/src/util/ucd_data.inc, the Unicode property tables
# behind RegExp's \p{...} and the lexer's ID_Start/ID_Continue.
#
# The sets come from the running node's RegExp engine, so they are of the
# Unicode version of node's ICU (node 20.20 carries ICU 78.2, Unicode 17.0;
# `node -p process.versions.unicode`); the value names come from the UCD's
# PropertyValueAliases.txt (Debian's unicode-data package) plus the scripts
# the generator lists as added since that file. Not part of the build: run
# it when moving to a new Unicode version, and commit the result.
#
# Usage: engine/tools/gen-ucd.sh [PropertyValueAliases.txt]
set -euo pipefail
cd "$(dirname "$0")/../.."

aliases=${1:-/usr/share/unicode/PropertyValueAliases.txt}
if [ ! -f "$aliases" ]; then
  echo "gen-ucd: $aliases not found (apt-get install unicode-data, or pass the file)" >&2
  exit 2
fi
command -v node >/dev/null || { echo "gen-ucd: node not found" >&2; exit 2; }
echo "gen-ucd: node $(node --version), Unicode $(node -p process.versions.unicode)"
node engine/tools/gen-ucd.mjs "$aliases" engine/src/util/ucd_data.inc
