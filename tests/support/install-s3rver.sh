#!/usr/bin/env bash
# Installs @20minutes/s3rver (an S3-compatible server that verifies AWS Signature V4; the original
# s3rver does not check V4 signatures) from npm into $1, once per build tree, for tst_photohost.
# Without npm or a registry the S3 cases skip, saying why.
set -u
dir=$1
if [ -f "$dir/node_modules/@20minutes/s3rver/package.json" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: tst_photohost skips its S3 cases"
    exit 0
fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --silent @20minutes/s3rver@5.0.0 \
    || echo "npm could not install s3rver: tst_photohost skips its S3 cases"
exit 0
