#!/usr/bin/env bash
# CTest fixture for tst_mcp_sdk: copies this folder's package files and test script into the build
# tree and installs the exact locked packages there (npm ci), only when the lock file changed.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")" && pwd)
target_dir=$1
mkdir -p "$target_dir"
cp "$source_dir"/package.json "$source_dir"/package-lock.json "$source_dir"/*.mjs "$target_dir"/
cd "$target_dir"
if ! command -v npm >/dev/null; then
  echo "npm is missing: run scripts/install-deps.sh (it installs nodejs and npm)." >&2
  exit 1
fi
if ! cmp -s package-lock.json node_modules/.clipqueue-installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.clipqueue-installed-lock
fi
