#!/bin/sh
# `rhizome` on the PATH (/usr/bin/rhizome links here). Rhizome has two launchers beside each other in
# /opt/rhizome/bin: `rhizome` (the window, and long work) with the JVM's default compilers and
# collector, and `rhizome-cli` for a short command: C1 only, the serial collector and a class-data
# archive of what a command loads (rhizome-cli.jsa, made by the post-install script), so a script
# calling rhizome in a loop pays a fraction of the start. This picks one, as ./rhizome does.
app=$(dirname "$(readlink -f "$0")")
bin="$app/../../bin"
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
    exec "$bin/rhizome" "$@" ;;
esac
exec "$bin/rhizome-cli" "$@"
