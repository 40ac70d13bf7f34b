#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak-suite.sh SRCDIR WORKDIR: the Flatpak built and run for real,
# offline (meson test --suite flatpak; README "Flatpak").
#
# The GNOME runtime cannot be downloaded on these machines, so a stand-in
# runtime and SDK are made of this machine's Debian 12 packages
# (mkruntime.sh), a copy of flatpak/org.crswatch.CrsWatch.json is pointed at
# them, flatpak-builder builds and installs the app (with its tests run, as
# the manifest asks), and the app is run in its sandbox under the X server
# the suite runs in. It checks that:
#  1. the app opens its window inside the sandbox;
#  2. the ward database lands in ~/.var/app/org.crswatch.CrsWatch/data/crs-watch/, mode 0600;
#  3. the sandbox has no network (only lo);
#  4. flatpak info --show-permissions shows exactly the manifest's finish-args;
#  5. a ward export (Export FHIR…, Ctrl+E) saved through the file chooser
#     portal reaches the file the user picked, outside the sandbox;
#  6. the sandboxed app cannot reach a ward's PostgreSQL server until the
#     network is granted (flatpak override --share=network), and then
#     works on it through the Flatpak's own libpq.
# Everything it makes lives under WORKDIR, with HOME pointed there, so the
# user's own Flatpak installation is never touched.
set -uo pipefail
src=$(cd "$1" && pwd) work=$2
app=org.crswatch.CrsWatch
here=$(cd "$(dirname "$0")" && pwd)

skip () { echo "1..0 # SKIP $*"; exit 77; }
fail () {
  echo "Bail out! $*"
  # What the screen showed, to look at (ImageMagick, where installed).
  if command -v import >/dev/null && [ -n "${work:-}" ]; then
    import -window root "$work/failed.png" 2>/dev/null && echo "# screen: $work/failed.png"
  fi
  [ -n "${app_pid:-}" ] && flatpak kill "$app" 2>/dev/null
  exit 1
}
step () { echo "# [$(( SECONDS ))s] $*"; }

for tool in flatpak flatpak-builder xdotool dbus-run-session python3 dpkg apt-cache; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (README's first command installs it)"
done
[ -x /usr/libexec/xdg-desktop-portal-gtk ] || skip "xdg-desktop-portal-gtk is not installed"
[ -n "${DISPLAY:-}" ] || skip "no X display (run the suite under xvfb-run, as README's test command does)"
# The document portal needs /dev/fuse, which only root may open on these
# machines, and flatpak --user install needs a system bus otherwise.
[ "$(id -u)" -eq 0 ] || skip "needs root (the document portal's /dev/fuse)"

# Inside a session bus of our own, with XDG_RUNTIME_DIR set before the
# portals start (they are activated from this environment).
if [ -z "${CRS_FLATPAK_SUITE_INNER:-}" ]; then
  export XDG_RUNTIME_DIR=/run/user/$(id -u)
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  export CRS_FLATPAK_SUITE_INNER=1 XDG_CURRENT_DESKTOP=GNOME LC_ALL=C.UTF-8 LANG=C.UTF-8
  export GTK_USE_PORTAL=1
  exec dbus-run-session -- "$0" "$@"
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
export HOME=$work/home
rm -rf "$HOME" "$work/picked"
mkdir -p "$HOME" "$work/picked"
echo "# work folder: $work"

# -- 1. Stand-in runtime and SDK, made once per package set ------------------
closure () {
  apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "$@" 2>/dev/null | grep -v '^[ <]' | sed 's/:.*$//' | sort -u |
    while read -r p; do
      # Alternatives the closure names but this machine does not have.
      if dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$'; then echo "$p"; fi
    done
}
platform="libgtk-4-1 libadwaita-1-0 libsqlite3-0 libxml2 libsodium23 libssl3 libc-bin bash coreutils
 fontconfig fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme shared-mime-info
 gsettings-desktop-schemas libglib2.0-bin librsvg2-common"
sdk_extra="libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev libsodium-dev libssl-dev zlib1g-dev meson ninja-build
 gcc pkg-config libc6-dev make libglib2.0-dev-bin desktop-file-utils appstream gettext
 libxml2-utils python3 sed grep mawk findutils diffutils"
# apt-cache has once printed nothing here (its cache being read while
# something else wrote it): try again before giving up, never go on with
# an empty list.
for try in 1 2 3; do
  closure $platform > "$work/platform.pkgs.new"
  closure $platform $sdk_extra > "$work/sdk.pkgs.new"
  [ -s "$work/platform.pkgs.new" ] && [ -s "$work/sdk.pkgs.new" ] && break
  sleep 2
done
[ -s "$work/platform.pkgs.new" ] && [ -s "$work/sdk.pkgs.new" ] \
  || fail "apt-cache depends listed no packages for the runtime or the SDK"
stamp=$( (cat "$work/platform.pkgs.new" "$work/sdk.pkgs.new" "$here/mkruntime.sh"; dpkg-query -W $(cat "$work/sdk.pkgs.new")) | sha256sum | cut -c1-16)
if [ "$(cat "$work/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
  step "making the runtime and SDK from $(wc -l < "$work/sdk.pkgs.new") Debian packages"
  rm -rf "$work/repo" "$work/runtime.stamp"
  mv "$work/platform.pkgs.new" "$work/platform.pkgs"
  mv "$work/sdk.pkgs.new" "$work/sdk.pkgs"
  for kind in Platform Sdk; do
    lower=$(echo "$kind" | tr A-Z a-z)
    "$here/mkruntime.sh" "org.test.$kind" "$work/$lower.pkgs" "$work/rt-$lower" || fail "mkruntime $kind"
    flatpak build-export --runtime --files=files "$work/repo" "$work/rt-$lower" 1 >/dev/null \
      || fail "flatpak build-export of org.test.$kind"
    rm -rf "$work/rt-$lower"
  done
  echo "$stamp" > "$work/runtime.stamp"
fi
step "installing the runtime and SDK"
flatpak --user remote-add --no-gpg-verify local "file://$work/repo" || fail "remote-add"
flatpak --user install -y --noninteractive local org.test.Platform//1 org.test.Sdk//1 >/dev/null \
  || fail "installing org.test.Platform and org.test.Sdk"

# -- 2. The manifest, pointed at them -----------------------------------------
python3 - "$src/flatpak/$app.json" "$work/$app.json" "$src" <<'PY' || fail "writing the test manifest"
import json, os, sys
manifest, out, src = sys.argv[1:4]
with open(manifest, encoding="utf-8") as f:
    m = json.load(f)
m["runtime"], m["sdk"], m["runtime-version"] = "org.test.Platform", "org.test.Sdk", "1"
m.setdefault("build-options", {}).update({"no-debuginfo": True, "strip": False})
# Debian 12's flatpak-builder calls appstream-glib's appstream-compose,
# which Debian does not package; the GNOME SDK has it.
m["appstream-compose"] = False
# The manifest builds its own libsodium (the GNOME runtime does not promise
# one); the test SDK has Debian's (the same 1.0.18): the build stays short.
# Its libpq module is built here as in the real runtime (about 30 s), from
# the same Debian tarball, against the SDK's OpenSSL, as the GNOME SDK has.
m["modules"] = [mod for mod in m["modules"] if mod.get("name") != "libsodium"]
keep = {"meson.build", "meson_options.txt", "src", "ui", "data", "po", "tests", "flatpak",
        "README.md", "COPYING", "HACKING.md"}
for module in m["modules"]:
    for source in module.get("sources", []):
        if source.get("type") == "dir":
            source["path"] = src
            source["skip"] = sorted(n for n in os.listdir(src) if n not in keep)
with open(out, "w", encoding="utf-8") as f:
    json.dump(m, f, indent=2)
PY

step "flatpak-builder (build, run-tests, install)"
if ! flatpak-builder --user --install --disable-rofiles-fuse --force-clean --disable-updates \
       --state-dir="$work/builder-state" "$work/build" "$work/$app.json" > "$work/builder.log" 2>&1; then
  tail -n 60 "$work/builder.log"
  fail "flatpak-builder failed (log: $work/builder.log)"
fi
grep -E '^(Ok|Fail|Skipped|Expected Fail|Unexpected Pass|Timeout):' "$work/builder.log" | sed 's/^/# tests in the sandbox: /'
rm -rf "$work/build" "$work/builder-state/build"

# -- 3. Permissions: exactly the manifest's finish-args -----------------------
step "permissions"
flatpak info --show-permissions "$app" > "$work/permissions.txt" || fail "flatpak info"
python3 - "$src/flatpak/$app.json" "$work/permissions.txt" <<'PY' || fail "permissions differ from the manifest"
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    args = json.load(f)["finish-args"]
keys = {"share": "shared", "socket": "sockets", "device": "devices", "filesystem": "filesystems",
        "talk-name": "Session Bus Policy", "own-name": "Session Bus Policy"}
expected = {}
for a in args:
    k, _, v = a.lstrip("-").partition("=")
    expected.setdefault(keys.get(k, k), set()).add(v)
# flatpak records --socket=fallback-x11 as both x11 and fallback-x11
# (x11 is then used only where there is no Wayland).
if "fallback-x11" in expected.get("sockets", set()):
    expected["sockets"].add("x11")
shown = {}
group = None
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.strip()
    if line.startswith("["):
        group = line.strip("[]")
    elif "=" in line and group == "Context":
        k, _, v = line.partition("=")
        values = {x for x in v.split(";") if x}
        if values:
            shown[k] = values
    elif "=" in line:
        shown.setdefault(group, set()).add(line)
if shown != expected:
    print(f"flatpak info shows {shown}, the manifest asks for {expected}")
    sys.exit(1)
print("# permissions: " + "; ".join(f"{k}={','.join(sorted(v))}" for k, v in sorted(shown.items())))
PY
echo "ok 1 - flatpak info --show-permissions shows exactly the manifest's finish-args"

# -- 4. No network inside ------------------------------------------------------
step "network"
# /proc/net/dev lists the interfaces of the process's own network
# namespace (/sys/class/net would show the host's, as /sys is shared).
nets=$(flatpak run --command=cat "$app" /proc/net/dev 2>/dev/null | sed -n '3,$s/^ *\([^:]*\):.*/\1/p' | tr '\n' ' ' | sed 's/ $//')
[ "$nets" = "lo" ] || fail "network interfaces inside the sandbox: '$nets', expected only lo"
echo "ok 2 - the sandbox has no network (interfaces: $nets)"

# -- 5. The window opens; the ward lands in ~/.var/app ------------------------
wait_window () {  # NAME SECONDS: the id of a visible window with that name
  local i
  for i in $(seq 1 "$2"); do
    local id
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 1
  done
  return 1
}
stop_app () {  # killing "flatpak run" would leave the app running in its sandbox
  flatpak kill "$app" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  app_pid=
  local i
  for i in $(seq 1 20); do
    xdotool search --onlyvisible --name "CRS Watch" >/dev/null 2>&1 || return 0
    sleep 0.5
  done
  fail "the app's window is still there after flatpak kill"
}
step "starting the app on a new ward"
flatpak run "$app" > "$work/app.log" 2>&1 &
app_pid=$!
win=$(wait_window "CRS Watch" 60) || { cat "$work/app.log"; fail "no CRS Watch window within 60 s"; }
echo "ok 3 - the app's window opened inside the sandbox (X window $win)"
db=$HOME/.var/app/$app/data/crs-watch/ward.sqlite
for i in $(seq 1 20); do [ -f "$db" ] && break; sleep 0.5; done
[ -f "$db" ] || { ls -lR "$HOME/.var/app/$app" 2>&1 | head -40; fail "no ward database at $db"; }
mode=$(stat -c %a "$db")
[ "$mode" = 600 ] || fail "$db has mode $mode, expected 600"
echo "ok 4 - the ward database is at ~/.var/app/$app/data/crs-watch/ward.sqlite, mode $mode"
stop_app

# -- 6. A ward export through the file chooser portal -------------------------
step "export through the portal"
flatpak run "$app" --demo > "$work/app-demo.log" 2>&1 &
app_pid=$!
win=$(wait_window "CRS Watch" 60) || { cat "$work/app-demo.log"; fail "no demo window within 60 s"; }
sleep 2
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --window "$win" --clearmodifiers ctrl+e
chooser=$(wait_window "Export FHIR" 30) || { cat "$work/app-demo.log"; fail "the portal's file chooser did not open"; }
picked=$work/picked/ward-fhir.xml
xdotool windowactivate --sync "$chooser" 2>/dev/null || xdotool windowfocus --sync "$chooser"
sleep 1
xdotool key --window "$chooser" --clearmodifiers ctrl+l
sleep 0.5
# The name field holds the suggested name with its stem selected: all of it goes.
xdotool key --window "$chooser" --clearmodifiers ctrl+a
xdotool type --window "$chooser" --delay 10 "$picked"
sleep 0.5
xdotool key --window "$chooser" Return
for i in $(seq 1 60); do [ -s "$picked" ] && grep -q '</Bundle>' "$picked" 2>/dev/null && break; sleep 0.5; done
[ -s "$picked" ] || { cat "$work/app-demo.log"; fail "the export did not reach $picked"; }
grep -q '<Bundle' "$picked" || fail "$picked is not a FHIR bundle"
patients=$(grep -c '<Patient>' "$picked")
[ "$patients" -gt 0 ] || fail "$picked holds no patient: the demo ward was not the one exported"
echo "ok 5 - the ward export chosen in the portal's file chooser reached $picked ($patients patients, $(stat -c %s "$picked") bytes)"
stop_app

# -- 7. A shared ward's server: only once the network is granted --------------
# The manifest grants no network, so a workstation in a shared ward needs
# the ward's IT administrator to grant it (README "A ward shared by
# several workstations"): flatpak override --share=network. A throwaway
# PostgreSQL server on 127.0.0.1, as the tests' own (crs-test-postgresql.c).
step "a shared ward's PostgreSQL server"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null; then
  echo "ok 6 # SKIP no PostgreSQL server binaries or postgres user (Debian: apt-get install postgresql)"
else
  pgdir=$work/pg
  rm -rf "$pgdir"
  mkdir -p "$pgdir"
  chown postgres "$pgdir"
  stop_pg () { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$pg_bin/initdb" -A trust -U crs -D "$pgdir/data" > "$pgdir/initdb.log" 2>&1 \
    || fail "initdb failed (log: $pgdir/initdb.log)"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdir/data" -w -l "$pgdir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir" start > /dev/null \
    || fail "the PostgreSQL server did not start (log: $pgdir/server.log)"
  "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U crs ward || { stop_pg; fail "createdb failed"; }
  addr="host=127.0.0.1 port=$port user=crs dbname=ward connect_timeout=5"
  cli () { flatpak run --command=crs-watch-cli "$app" "$@" 2>&1; }

  # As installed: the sandbox cannot reach the server, and says so.
  out=$(cli import --db "$addr" --xml /app/share/crs-watch/demo-ward.xml) \
    && { stop_pg; fail "the sandbox reached the server without the network: $out"; }
  echo "$out" | grep -q "Could not reach the ward database ward" \
    || { stop_pg; fail "no clear message without the network: $out"; }
  # Granted: the demo ward goes onto the server through the Flatpak's own
  # libpq, and comes back from it.
  flatpak override --user --share=network "$app" || { stop_pg; fail "flatpak override"; }
  out=$(cli import --db "$addr" --xml /app/share/crs-watch/demo-ward.xml) \
    || { flatpak override --user --reset "$app"; stop_pg; fail "import onto the server failed: $out"; }
  out=$(cli check --db "$addr")
  flatpak override --user --reset "$app"
  stop_pg
  echo "$out" | grep -q "^Patients: 11 " || fail "check on the server did not find the demo ward: $out"
  echo "ok 6 - the app reaches a ward's PostgreSQL server only once the network is granted ($(echo "$out" | grep '^Observation sets'))"
fi
echo "1..6"
step "done"
