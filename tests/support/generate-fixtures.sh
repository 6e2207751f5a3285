#!/usr/bin/env bash
# Generates the media fixtures the tests probe, with the ffmpeg CLI, into the folder given as $1.
# Small and quick (a few seconds in all); regenerated only when this script changes.
set -euo pipefail
out=${1:?usage: generate-fixtures.sh OUTDIR}
mkdir -p "$out"
stamp="$out/.stamp"
want=$(sha256sum "$0" | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
  echo "fixtures up to date in $out"
  exit 0
fi
rm -f "$out"/* "$out"/.stamp
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
src() { echo "testsrc2=size=$1:rate=$2:duration=$3"; }
x264=(-c:v libx264 -preset ultrafast -pix_fmt yuv420p)

# Videos TikTok accepts, in each container it takes.
ff -f lavfi -i "$(src 360x640 30 4)" -f lavfi -i "sine=frequency=440:duration=4" \
   "${x264[@]}" -c:a aac -shortest "$out/vertical.mp4"
ff -f lavfi -i "$(src 360x640 30 4)" "${x264[@]}" -movflags +faststart "$out/vertical_faststart.mp4"
ff -f lavfi -i "$(src 360x640 30 4)" "${x264[@]}" -f mov "$out/quicktime.mov"
ff -f lavfi -i "$(src 360x640 30 4)" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k \
   -f webm "$out/webm_named.mp4"
ff -f lavfi -i "$(src 360x640 25 4)" -c:v libx265 -preset ultrafast -x265-params log-level=none \
   -tag:v hvc1 "$out/hevc.mp4"
# Landscape, and landscape stored but rotated to portrait by the display matrix (a phone clip).
ff -f lavfi -i "$(src 640x360 30 4)" "${x264[@]}" "$out/landscape.mp4"
ff -i "$out/landscape.mp4" -c copy -metadata:s:v:0 rotate=90 "$out/rotated.mp4"
# Videos TikTok refuses, one rule each.
ff -f lavfi -i "$(src 360x640 30 2)" "${x264[@]}" "$out/short.mp4"
ff -f lavfi -i "$(src 360x640 15 4)" "${x264[@]}" "$out/fps15.mp4"
ff -f lavfi -i "$(src 240x320 30 4)" "${x264[@]}" "$out/small.mp4"
ff -f lavfi -i "$(src 480x4112 24 3.5)" "${x264[@]}" "$out/huge.mp4"
ff -f lavfi -i "$(src 360x640 30 4)" -c:v mpeg4 "$out/mpeg4.mp4"
ff -f lavfi -i "$(src 360x640 30 4)" "${x264[@]}" -f matroska "$out/matroska.mkv"
ff -f lavfi -i "sine=frequency=440:duration=4" -c:a aac "$out/audio_only.m4a"
# Photos.
ff -f lavfi -i "$(src 1080x1350 1 1)" -frames:v 1 "$out/photo.jpg"
ff -f lavfi -i "$(src 1440x1920 1 1)" -frames:v 1 "$out/photo_large.jpg"
ff -f lavfi -i "$(src 1080x1080 1 1)" -frames:v 1 -c:v libwebp "$out/photo.webp"
ff -f lavfi -i "$(src 800x800 1 1)" -frames:v 1 "$out/photo.png"
ff -f lavfi -i "$(src 320x240 1 1)" -frames:v 1 "$out/photo.gif"
# Media the conversion ("Fix it for me", tst_conform) turns into media TikTok takes.
ff -f lavfi -i "$(src 360x640 120 3.5)" -f lavfi -i "sine=frequency=440:duration=3.5" \
   "${x264[@]}" -c:a aac -shortest "$out/fps120.mp4"
ff -f lavfi -i "$(src 640x360 120 3.5)" "${x264[@]}" "$out/landscape_fps120.mp4"
ff -i "$out/landscape_fps120.mp4" -c copy -metadata:s:v:0 rotate=90 "$out/rotated_fps120.mp4"
ff -f lavfi -i "$(src 200x200 30 3.5)" "${x264[@]}" "$out/tiny.mp4"
ff -f lavfi -i "$(src 360x640 30 3.5)" -c:v libvpx -deadline realtime -cpu-used 8 -b:v 300k "$out/vp8.mkv"
ff -f lavfi -i "$(src 360x640 25 3.5)" -f lavfi -i "sine=frequency=440:duration=3.5" -c:v mpeg4 \
   -c:a pcm_s16le -shortest "$out/mpeg4_pcm.avi"
ff -f lavfi -i "$(src 360x640 30 8)" -f lavfi -i "sine=frequency=440:duration=8" \
   "${x264[@]}" -c:a aac -shortest "$out/long.mp4"
ff -f lavfi -i "$(src 540x960 30 4)" -c:v libx264 -preset ultrafast -crf 4 -pix_fmt yuv420p "$out/high_bitrate.mp4"
ff -f lavfi -i "$(src 4000x3000 1 1)" -frames:v 1 "$out/photo_4000x3000.jpg"
ff -f lavfi -i "$(src 1284x2778 1 1),format=rgba" -frames:v 1 "$out/screenshot.png"
# A conversion that takes seconds (600 frames of 720x1280 to re-encode), to cancel while it runs.
ff -f lavfi -i "$(src 720x1280 30 20)" -c:v mpeg4 -q:v 8 "$out/slow_mpeg4.mp4"

# Damaged files: cut short with the index at the end (lost) and at the front (points past the end).
size=$(stat -c %s "$out/vertical.mp4")
head -c $((size / 2)) "$out/vertical.mp4" > "$out/truncated.mp4"
size=$(stat -c %s "$out/vertical_faststart.mp4")
head -c $((size / 2)) "$out/vertical_faststart.mp4" > "$out/truncated_faststart.mp4"
: > "$out/empty.mp4"
# Names with spaces, accents and emoji.
cp "$out/vertical.mp4" "$out/Clip mit Ümlaut 🎬 final.mp4"
cp "$out/photo.jpg" "$out/фото 📸.jpg"

echo "$want" > "$stamp"
echo "fixtures generated in $out"
