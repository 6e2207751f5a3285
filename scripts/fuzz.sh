#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, AddressSanitizer, UBSan) and runs each, one at
# a time and at the lowest priority, with a seed corpus from the test fixtures. Crashes land in
# build-fuzz/crashes/; keep each one as a regression test (tests/data/fuzz/ and tst_fuzzregressions).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 600 s, every target)
# Environment: CXX (default clang++-16), FIXTURES (generated media fixtures; default
# build/tests/fixtures, made if missing), QUIET_MINUTES: stop a target early once it has found no new
# coverage for that many minutes (the bar is 10: "nothing new in 10 minutes"; SECONDS_PER_TARGET
# then only caps the run). Each target ends with "minutes since last new coverage", measured from
# the wall clock at which libFuzzer's log last grew a NEW or REDUCE line; build-fuzz/logs/summary.txt
# keeps one line per run.
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
      # Tiny files of every container the probe recognises (16x16, a few frames): each fits the
      # probe's -max_len whole, so the fuzzer mutates complete files, not cut ones.
      if [[ ! -f $dir/seed.mp4 ]]; then
        local lavfi=(-hide_banner -loglevel error -y -f lavfi -i testsrc=size=16x16:rate=5:duration=0.6)
        ffmpeg "${lavfi[@]}" -c:v libx264 -preset ultrafast -movflags +faststart "$dir/seed.mp4"
        ffmpeg "${lavfi[@]}" -c:v libx264 -preset ultrafast "$dir/seed.mov"
        ffmpeg "${lavfi[@]}" -c:v libvpx -b:v 20k "$dir/seed.webm"
        ffmpeg "${lavfi[@]}" -c:v mpeg4 "$dir/seed.avi"
        ffmpeg "${lavfi[@]}" -c:v mpeg4 -f matroska "$dir/seed.mkv"
        ffmpeg "${lavfi[@]}" -c:v mpeg2video -f mpegts "$dir/seed.ts"
        ffmpeg "${lavfi[@]}" -c:v libx264 -preset ultrafast -f 3gp "$dir/seed.3gp"
        for ext in jpg png gif webp; do
          ffmpeg "${lavfi[@]}" -frames:v 1 "$dir/seed-photo.$ext"
        done
      fi
      cp tests/data/exif_orientation6.jpg "$dir/" 2>/dev/null || true ;;
    fuzz_postjson)
      cp tests/data/post_contract_example.json "$dir/"
      # Every JSON example of the documentation, one file each.
      awk -v dir="$dir" '/^```json/ { n++; file = dir "/doc-example-" n ".json"; next }
                         /^```/ { file = ""; next } file { print > file }' docs/*.md ;;
    fuzz_creatorinfo)
      printf '%s' '{"data":{"creator_username":"ana","creator_nickname":"Ana","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,"duet_disabled":true,"stitch_disabled":false,"max_video_post_duration_sec":600},"error":{"code":"ok"}}' > "$dir/answer.json"
      printf '%s' '{"creator_username":"bo","privacy_level_options":[],"max_video_post_duration_sec":3600}' > "$dir/cached.json" ;;
  esac
  # The JSON readers get a dictionary: every name and value the sources spell, and JSON's tokens.
  if [[ $target == fuzz_postjson || $target == fuzz_creatorinfo ]]; then
    { printf '"{"\n"}"\n"["\n"]"\n":"\n","\n"null"\n"true"\n"false"\n"1e308"\n"-1"\n'
      grep -ohE '"[a-zA-Z_][a-zA-Z0-9_]{1,40}"' core/post/*.cpp core/util/*.cpp | sort -u \
        | sed -E 's/^"(.*)"$/"\\"\1\\""/'
    } > "$out/corpus/$target.dict"
  fi
  if [[ -d tests/data/fuzz/$target ]]; then
    cp tests/data/fuzz/"$target"/* "$dir/" 2>/dev/null || true
  fi
}

# Runs one target in the background and watches its log: answers when it ends or, with QUIET_MINUTES,
# once it has found nothing new for that long. Prints the minutes since the last new coverage.
run_target() {
  local target=$1 max_len=$2 log=$3
  local dict=()
  [[ -f $out/corpus/$target.dict ]] && dict=(-dict="$out/corpus/$target.dict")
  nice -n 19 "$out/fuzz/$target" "$out/corpus/$target" "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" \
        -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$target/" > "$log" 2>&1 &
  local pid=$! started=$SECONDS last_new=$SECONDS last_cov=$SECONDS seen=0 seen_cov=0 count
  while kill -0 "$pid" 2>/dev/null; do
    sleep 10
    count=$(grep -cE '^#[0-9]+[[:space:]]+(NEW|REDUCE)' "$log" || true)
    if [[ $count != "$seen" ]]; then
      seen=$count
      last_new=$SECONDS
    fi
    # NEW alone: an input that reached new code or counts; REDUCE only finds a shorter one.
    count=$(grep -cE '^#[0-9]+[[:space:]]+NEW' "$log" || true)
    if [[ $count != "$seen_cov" ]]; then
      seen_cov=$count
      last_cov=$SECONDS
    fi
    if [[ -n ${QUIET_MINUTES:-} ]] && (( SECONDS - last_new >= QUIET_MINUTES * 60 )); then
      kill -INT "$pid" 2>/dev/null || true # libFuzzer prints its final stats on SIGINT
    fi
  done
  local rc=0
  wait "$pid" || rc=$?
  local quiet=$(( (SECONDS - last_new) / 60 ))
  local runs execs
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  execs=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  local quiet_cov=$(( (SECONDS - last_cov) / 60 ))
  echo "minutes since last new coverage: $quiet (NEW or REDUCE), $quiet_cov (NEW)"
  printf '%s %s: %s s, %s runs, %s exec/s, nothing new for the last %s min (no NEW for %s min), exit %s\n' \
    "$(date -u +%FT%TZ)" "$target" "$(( SECONDS - started ))" "$runs" "$execs" "$quiet" "$quiet_cov" "$rc" \
    | tee -a "$out/logs/summary.txt"
  # libFuzzer exits 72 after SIGINT (-interrupted_exitcode): stopped because quiet, not a finding.
  [[ $rc == 0 || $rc == 72 ]]
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "$out/crashes/$target" "$out/logs"
  max_len=4096
  # The probe's seeds are tiny clips and pictures (seed()): a longer input only slows every run.
  [[ $target == fuzz_probe ]] && max_len=${PROBE_MAX_LEN:-16384}
  echo "== $target for at most ${seconds} s"
  # -timeout: one input taking longer is a hang (a finding). -rss_limit_mb: a memory bound.
  run_target "$target" "$max_len" "$out/logs/$target.log" || status=1
  tail -n 8 "$out/logs/$target.log"
done
echo "Crashes (if any):"
find "$out/crashes" -type f | head -n 50
exit $status
