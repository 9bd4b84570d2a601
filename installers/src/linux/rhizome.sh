#!/bin/sh
# `rhizome` on the PATH (/usr/bin/rhizome links here, in /opt/rhizome/lib/app) and the menu entry's
# command. Runs the bundled runtime's java itself rather than the jpackage launcher bin/rhizome,
# which asks `rpm -qf` and `dpkg -S` (twice each) which package it belongs to at every start: most
# of a short command's time. The window and long work (serve, join, import, export, mirror, check,
# repair, bench, p2p, screenshot) get what bin/rhizome gives them: the JVM's default compilers and
# collector and the archive rhizome.jsa. Every other command is short, and a script may call it in
# a loop: C1 only on one compiler thread, the serial collector, no hsperfdata file and a static
# archive of what a short command loads (rhizome-cli.jsa, made by the post-install script with
# cli-archive.sh), as ./rhizome does.
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
  ""|serve|join|import|export|mirror|check|repair|bench|p2p|screenshot|*.md)
    options="-XX:SharedArchiveFile=$app/rhizome.jsa" ;;
  *)
    options="-XX:SharedArchiveFile=$app/rhizome-cli.jsa -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData" ;;
esac
# shellcheck disable=SC2086 # $options: words without spaces
exec "$app/../runtime/bin/java" $options -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Djava.library.path="$app" -Dorg.sqlite.lib.path="$app" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
  -cp "$app/rhizome.jar" org.rhizome.app.Main "$@"
