#!/usr/bin/env bash
# Builds the .deb, installs it as a user would (apt-get install ./clipqueue_*.deb), checks the
# installed copy (versions, a probe, a validation, the window starting offscreen, the desktop entry,
# AppStream data, icons, the user service, manual pages), and removes the package again.
# Needs root or password-less sudo, since it installs into /usr.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! sudo -n true 2>/dev/null; then
    echo "check-package: SKIPPED: installing the .deb needs root or password-less sudo." >&2
    exit 0
  fi
  sudo=(sudo -n)
fi

rm -f build/clipqueue_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/clipqueue_*.deb)
echo "check-package: built $deb"
dpkg-deb --field "$deb" Package Version Depends

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
trap '"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq clipqueue >/dev/null || true' EXIT

work=$(mktemp -d)
export CLIPQUEUE_DATA_DIR=$work/data CLIPQUEUE_TOKEN_STORE=file XDG_CONFIG_HOME=$work/config
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$work/runtime
mkdir -m 0700 "$XDG_RUNTIME_DIR"

/usr/bin/clipqueue-cli --version
/usr/bin/clipqueue --version
fixtures=build/tests/fixtures
bash tests/support/generate-fixtures.sh "$fixtures" >/dev/null
/usr/bin/clipqueue-cli probe "$fixtures/vertical.mp4"
cat >"$work/post.json" <<JSON
{ "content": { "text": "Installed copy check #clipqueue",
    "media": [ { "url": "$PWD/$fixtures/vertical.mp4" } ],
    "platformOverrides": { "tiktok": { "settings": { "privacyLevel": "SELF_ONLY" } } } },
  "platforms": ["tiktok"] }
JSON
# Valid: only warnings (no account is connected, so the creator's limits are unknown).
/usr/bin/clipqueue-cli validate "$work/post.json"

shown=$(CLIPQUEUE_STARTUP_PROBE=1 timeout 60 /usr/bin/clipqueue --no-publish 2>&1)
echo "$shown"
grep -q "window shown" <<<"$shown"

app_id=io.github.clipqueue.ClipQueue
for file in /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/icons/hicolor/256x256/apps/$app_id.png \
            /usr/lib/systemd/user/clipqueue.service /usr/share/man/man1/clipqueue-cli.1.gz \
            /usr/share/man/man1/clipqueue.1.gz; do
  [[ -f $file ]] || { echo "check-package: missing $file" >&2; exit 1; }
done
desktop-file-validate /usr/share/applications/$app_id.desktop
appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml
# The unit must parse and find its command; its man: link needs man-db, which a server may lack.
unit_problems=$(systemd-analyze verify /usr/lib/systemd/user/clipqueue.service 2>&1 | grep -v "man clipqueue-cli" || true)
[[ -z $unit_problems ]] || { echo "$unit_problems" >&2; exit 1; }

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq clipqueue >/dev/null
trap - EXIT
if [[ -e /usr/bin/clipqueue || -e /usr/bin/clipqueue-cli || -e /usr/share/applications/$app_id.desktop ]]; then
  echo "check-package: files left after removing the package" >&2
  exit 1
fi
rm -rf "$work"
echo "check-package: the .deb installs, runs and removes cleanly."
