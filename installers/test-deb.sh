#!/usr/bin/env bash
# Proves the .deb works as installed, not only the jar: builds it (mvn -Pinstallers, .deb only),
# installs it with dpkg -i, runs the installed `rhizome` with no display (--version, then a note
# add / search round trip on a temp data directory and on a temp XDG default one), reinstalls it
# as an upgrade and checks the notes are still there, removes it and checks the notes are left in
# place and the removal says where they are. Debian/Ubuntu, as root (CI runs it from .ci/run).
# Leaves the machine as it found it, apart from the apt packages it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts it, stops at the first failure
  local what="$1"; shift
  if "$@" >/dev/null; then
    passed=$((passed + 1)); echo "ok   - $what"
  else
    echo "FAIL - $what" >&2; echo "test-deb: $passed passed, 1 failed"; exit 1
  fi
}
millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

if [ "$(id -u)" -ne 0 ]; then echo "test-deb.sh installs a package: run it as root" >&2; exit 2; fi
if dpkg -s rhizome >/dev/null 2>&1; then
  echo "a rhizome package is already installed here; remove it first (this test installs and removes its own)" >&2
  exit 2
fi

# What jpackage needs to build a .deb: objcopy (jlink --strip-debug) and fakeroot.
export DEBIAN_FRONTEND=noninteractive
need=()
command -v objcopy >/dev/null || need+=(binutils)
command -v fakeroot >/dev/null || need+=(fakeroot)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

start=$(millis)
# Through the whole reactor, so it works on a machine whose local Maven repository holds none of
# Rhizome's modules (after ./rhizome-test the classes are up to date and only the jars are made).
mvn -B -q -Pinstallers package -DskipTests -Dinstaller.types=deb
build_ms=$(( $(millis) - start ))
deb=$(ls installers/target/rhizome_*.deb)

# The package's own dependencies (GTK 3 and what JavaFX links, xdg-utils), so that dpkg -i succeeds.
deps=$(dpkg-deb -f "$deb" Depends | sed -e 's/([^)]*)//g' -e 's/|[^,]*//g' | tr -d ' ' | tr ',' ' ')
# shellcheck disable=SC2086 # one word per package
if ! dpkg -s $deps >/dev/null 2>&1; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $deps >/dev/null
fi

work=$(mktemp -d)
cleanup() {
  if dpkg -s rhizome >/dev/null 2>&1; then dpkg --purge rhizome >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start=$(millis)
dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
install_ms=$(( $(millis) - start ))
check "dpkg -i installs the package" dpkg -s rhizome
check "rhizome is on the PATH" test "$(command -v rhizome)" = /usr/bin/rhizome
check "the menu entry is installed" test -f /usr/share/applications/rhizome-rhizome.desktop
check "the licence is installed" grep -q "Apache License" /opt/rhizome/lib/app/LICENSE.txt
check "the bundled libraries' licences are installed" \
  bash -c 'grep -q "javafx-controls" /opt/rhizome/lib/app/THIRD-PARTY.txt && grep -q "Bouncy Castle" /opt/rhizome/lib/app/THIRD-PARTY.txt'
check "the package's metadata names the licence" bash -c 'grep -q "Apache-2.0" /opt/rhizome/share/doc/copyright'

# Everything below runs with no display, as a server or CI would.
unset DISPLAY WAYLAND_DISPLAY
version=$(rhizome --version)
check "the installed launcher prints its version" grep -q '^rhizome [0-9]' <<<"$version"
check "the post-install script made the window launcher's class-data archive, and the launcher maps it" \
  bash -c 'JAVA_TOOL_OPTIONS=-Xlog:class+load /opt/rhizome/bin/rhizome --version 2>/dev/null | grep -q "shared objects file (top)"'
check "the menu entry runs rhizome.sh, not the jpackage launcher" \
  grep -q '^Exec=/opt/rhizome/lib/app/rhizome.sh %f' /usr/share/applications/rhizome-rhizome.desktop
check "long work through rhizome maps the window's archive" \
  bash -c 'JAVA_TOOL_OPTIONS=-Xlog:class+load rhizome bench --help 2>/dev/null | grep -q "shared objects file (top)"'
check "a short command runs from the static archive the post-install script made (picocli in it)" \
  bash -c 'JAVA_TOOL_OPTIONS=-Xlog:class+load rhizome --version 2>/dev/null | grep -q "^\[.*picocli.CommandLine source: shared objects file$"'

touch "$work/before-use"
data="$work/data"
rhizome --data "$data" note add --title "Installed" --body "a round trip through the installed launcher" >/dev/null
check "search finds the note added through the installed launcher" \
  grep -q '"title" : "Installed"' <(rhizome --data "$data" search "round trip" --json)

# With no --data, the notes go to the OS data directory ($XDG_DATA_HOME/rhizome), never into /opt.
export XDG_DATA_HOME="$work/xdg"
default="$XDG_DATA_HOME/rhizome"
rhizome note add --title "Default place" --body "kept in the XDG data directory" >/dev/null
check "without --data the notes go to \$XDG_DATA_HOME/rhizome" test -f "$default/workspaces/personal.db"
check "nothing was written inside the install folder" test -z "$(find /opt/rhizome -newer "$work/before-use" -print -quit)"

dpkg -i "$deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; exit 1; }
check "the notes are still there after an upgrade (reinstall)" \
  grep -q "Default place" <(rhizome note list)

# Start times of the installed command (rhizome on the PATH) and, interleaved, of the jpackage
# launcher running the same command (how every command ran before rhizome.sh): 5 runs each, medians
# of the wall-clock time and of the CPU time (user + system, which a busy machine inflates less).
TIMEFORMAT='%R %U %S'
timed() { { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'; }
for i in 1 2 3 4 5; do
  timed rhizome --version >>"$work/version"
  timed /opt/rhizome/bin/rhizome --version >>"$work/version.window"
  timed rhizome --data "$data" note add --title "Timing $i" --body "x" >>"$work/add"
  timed /opt/rhizome/bin/rhizome --data "$data" note add --title "Timing window $i" --body "x" >>"$work/add.window"
done
figures() { echo "$(cut -d' ' -f1 "$1" | median) ms ($(cut -d' ' -f2 "$1" | median) ms CPU)"; }

installed_kb=$(dpkg-query -W -f='${Installed-Size}' rhizome)
dpkg -r rhizome >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; exit 1; }
check "dpkg -r removes the package and the command" test ! -e /usr/bin/rhizome -a ! -e /opt/rhizome/bin/rhizome
check "removal says where the notes were kept" grep -q "local/share/rhizome" "$work/remove.log"
check "removal leaves no rhizome entry in the system's MIME defaults" \
  bash -c '! grep -qs rhizome /usr/share/applications/defaults.list /usr/local/share/applications/defaults.list'
check "removal leaves the notes in place" test -f "$default/workspaces/personal.db" -a -f "$data/workspaces/personal.db"
dpkg --purge rhizome >/dev/null 2>&1 || true

echo "test-deb: $(basename "$deb") $(( $(stat -c %s "$deb") / 1048576 )) MiB, installed $(( installed_kb / 1024 )) MiB;" \
  "build ${build_ms} ms, dpkg -i ${install_ms} ms; installed rhizome: --version $(figures "$work/version")," \
  "note add $(figures "$work/add"); the jpackage launcher: --version $(figures "$work/version.window")," \
  "note add $(figures "$work/add.window") (medians of 5, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "test-deb: $passed passed, 0 failed"
