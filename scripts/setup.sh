#!/usr/bin/env bash
# Installs every Debian package Kite needs to build, test and benchmark.
# Idempotent and non-interactive: runs `apt-get update` only when something
# is missing, and installs only what is missing. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  clang clang-format clang-tidy libclang-rt-14-dev
  liburing-dev libasmjit-dev libfmt-dev libicu-dev
  libbenchmark-dev libgtest-dev libgmock-dev nlohmann-json3-dev
  valgrind tzdata
)
# Extra groups, asked for with flags: --load (wrk, nginx, for HTTP comparisons)
for arg in "$@"; do
  case "$arg" in
    --load) packages+=(wrk nginx-light) ;;
    --browser) packages+=(chromium) ;;
    *) echo "setup.sh: unknown flag '$arg' (known: --load --browser)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: installed ${#missing[@]} package(s)"
