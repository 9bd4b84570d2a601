#!/bin/sh
# `rhizome` on the PATH (/usr/bin/rhizome links here, in /opt/rhizome/lib/app). The window and long
# work (serve, join, import, export, mirror, check, repair, bench, p2p, screenshot) go to the
# launcher, bin/rhizome, with the JVM's default compilers and collector. Every other command is
# short, and a script may call it in a loop: it runs on the same runtime and jar with C1 only, the
# serial collector and a class-data archive of what a short command loads (rhizome-cli.jsa, made by
# the post-install script with cli-archive.sh), as ./rhizome does. Not a second jpackage launcher:
# jpackage would give that one a menu entry of its own.
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
    exec "$app/../../bin/rhizome" "$@" ;;
esac
exec "$app/../runtime/bin/java" -XX:SharedArchiveFile="$app/rhizome-cli.jsa" -Xshare:auto \
  -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Djava.library.path="$app" -Dorg.sqlite.lib.path="$app" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
  -cp "$app/rhizome.jar" org.rhizome.app.Main "$@"
