#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, AddressSanitizer, UBSan) and runs each for a
# bounded time, with a seed corpus from the test fixtures. Crashes land in build-fuzz/crashes/;
# keep each one as a regression test (tests/data/fuzz/ and tst_fuzzregressions).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 600 s, every target)
# Environment: CXX (default clang++-16), JOBS (default 1 fuzzing process per target), FIXTURES
# (generated media fixtures; default build/tests/fixtures, made if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_imageheader fuzz_probe fuzz_postjson fuzz_creatorinfo)
fi
cxx=${CXX:-clang++-16}
fixtures=${FIXTURES:-build/tests/fixtures}
out=build-fuzz

if [[ ! -f $out/build.ninja ]]; then
  cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
        -DCLIPQUEUE_FUZZ=ON -DCLIPQUEUE_BUILD_TESTS=OFF -DCLIPQUEUE_BUILD_BENCH=OFF
fi
cmake --build "$out" -j "${BUILD_JOBS:-2}" --target "${targets[@]}"
[[ -f $fixtures/.stamp ]] || bash tests/support/generate-fixtures.sh "$fixtures"

# Seeds: every image fixture for the header reader (first byte: 0 JPEG, 1 PNG, 2 GIF, 3 WebP), the
# small media fixtures for the probe, the post examples and creator answers for the JSON readers,
# and every crasher kept so far.
seed() {
  local target=$1 dir=$out/corpus/$1
  mkdir -p "$dir"
  case $target in
    fuzz_imageheader)
      local i=0
      for pair in 0:photo.jpg 1:photo.png 2:photo.gif 3:photo.webp 0:photo_large.jpg; do
        { printf "\\x0${pair%%:*}"; head -c 65536 "$fixtures/${pair#*:}"; } > "$dir/seed-$((i++))"
      done
      cp tests/data/exif_orientation6.jpg "$dir/" 2>/dev/null || true ;;
    fuzz_probe)
      for f in photo.jpg photo.png photo.gif photo.webp webm_named.mp4 hevc.mp4 mpeg4.mp4 truncated_faststart.mp4; do
        cp "$fixtures/$f" "$dir/"
      done ;;
    fuzz_postjson)
      cp tests/data/post_contract_example.json "$dir/"
      cp docs/examples/*.json "$dir/" 2>/dev/null || true ;;
    fuzz_creatorinfo)
      printf '%s' '{"data":{"creator_username":"ana","creator_nickname":"Ana","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,"duet_disabled":true,"stitch_disabled":false,"max_video_post_duration_sec":600},"error":{"code":"ok"}}' > "$dir/answer.json"
      printf '%s' '{"creator_username":"bo","privacy_level_options":[],"max_video_post_duration_sec":3600}' > "$dir/cached.json" ;;
  esac
  if [[ -d tests/data/fuzz/$target ]]; then
    cp tests/data/fuzz/"$target"/* "$dir/" 2>/dev/null || true
  fi
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "$out/crashes/$target"
  max_len=4096
  [[ $target == fuzz_probe ]] && max_len=262144
  echo "== $target for ${seconds} s"
  # -timeout: one input taking longer is a hang (a finding). -rss_limit_mb: a memory bound.
  mkdir -p "$out/logs"
  log=$out/logs/$target.log
  if ! "$out/fuzz/$target" "$out/corpus/$target" -max_total_time="$seconds" -max_len="$max_len" \
        -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$target/" > "$log" 2>&1; then
    status=1
  fi
  tail -n 8 "$log"
  # Whether it still finds new coverage: the run that last added some, against the runs in all.
  echo "last new coverage at: $(grep -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)' "$log" | tail -n 1 | cut -f1)"
done
echo "Crashes (if any):"
find "$out/crashes" -type f | head -n 50
exit $status
