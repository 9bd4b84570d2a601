#!/bin/sh
# `rhizome` on the PATH (/usr/bin/rhizome links here, in /opt/rhizome/lib/app) and the menu entry's
# command. Runs the bundled runtime's java itself rather than the jpackage launcher bin/rhizome,
# which asks `rpm -qf` and `dpkg -S` (twice each) which package it belongs to at every start: most
# of a short command's time. The window and long work (serve, join, import, export, mirror, check,
# repair, bench, p2p, screenshot) get the JVM's default compilers and collector; long work the
# archive rhizome.jsa, the window one of its own (below). Every other command is short, and a script
# may call it in a loop: C1 only on one compiler thread, the serial collector, no hsperfdata file and
# a static archive of what a short command loads (rhizome-cli.jsa, made by the post-install script
# with cli-archive.sh), as ./rhizome does.
app=$(dirname "$(readlink -f "$0")")
command=""
skip=0
for arg in "$@"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$arg" in
    --data) skip=1 ;;
    --data=*) ;;
    *) command="$arg"; break ;;
  esac
done
case "$command" in
  ""|*.md)
    # The window (uistart): from an archive of the classes the window loads (JavaFX, the editor, the
    # theme: rhizome.jsa, made from `note add`, has none of them), made by the person's first start
    # of this build and kept in their cache (lib/app is not theirs to write). Named by the jar's
    # time and size, so an upgrade makes a new one; a damaged one is ignored by the JVM. Not made
    # without a display (that start fails before the window's classes load).
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/rhizome"
    window_jsa="$cache/window-$(stat -c %Y-%s "$app/rhizome.jar" 2>/dev/null).jsa"
    if [ -s "$window_jsa" ]; then
      options="-XX:SharedArchiveFile=$window_jsa"
    elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && mkdir -p "$cache" 2>/dev/null \
      && [ -w "$cache" ]; then
      rm -f "$cache"/window-*.jsa
      options="-XX:ArchiveClassesAtExit=$window_jsa"
    else
      options="-XX:SharedArchiveFile=$app/rhizome.jsa"
    fi
    # Not C1 only, although the C2 compiler was the largest single cost of a start (5.6 of 13.1 s
    # CPU): the window runs for hours and applies every peer's changes, renders and lays out graphs,
    # where C2's code pays back (docs/ui.md, "Start-up").
    # Rhizome's icon is on screen at once, as with ./rhizome: the java launcher draws it before the
    # JVM starts; the window closes it once its own first frame is up.
    if [ -f "$app/../rhizome.png" ]; then
      options="$options -splash:$app/../rhizome.png -Drhizome.splash=true"
    fi ;;
  serve|join|import|export|mirror|check|repair|bench|p2p|screenshot)
    options="-XX:SharedArchiveFile=$app/rhizome.jsa" ;;
  *)
    options="-XX:SharedArchiveFile=$app/rhizome-cli.jsa -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData" ;;
esac
# shellcheck disable=SC2086 # $options: words without spaces
exec "$app/../runtime/bin/java" $options -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Djava.library.path="$app" -Dorg.sqlite.lib.path="$app" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
  -cp "$app/rhizome.jar" org.rhizome.app.Main "$@"
