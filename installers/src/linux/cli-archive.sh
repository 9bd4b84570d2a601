#!/bin/sh
# cli-archive.sh JAVA APP_DIR: makes APP_DIR/rhizome-cli.jsa, the class-data archive that short
# commands run from (rhizome.sh), with the runtime's JAVA for the jar in APP_DIR (JDK 17 takes an archive
# only for the class path it was made with, so it is made where the jar is installed). A *static*
# archive, of what three short commands load (`note add`, `note show`, `search`) on a scratch data
# directory: the JDK's classes and ours in one file, picocli's too, which a dynamic archive leaves
# out. On any failure the file that was there stays (the runtime's own archive, copied at build
# time: a missing archive would turn class sharing off altogether). A few seconds.
set -u
java=$1
app=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run() {
  "$java" -Xlog:cds=off -Xlog:cds+dynamic=off -Djava.awt.headless=true \
    -Djava.library.path="$app" -Dorg.sqlite.lib.path="$app" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
    -cp "$app/rhizome.jar" "$@"
}
i=0
for args in "note add --title Archive --body archive" "note show Archive" "search archive"; do
  i=$((i + 1))
  # shellcheck disable=SC2086 # the words of a command
  run -XX:DumpLoadedClassList="$scratch/classes.$i" org.rhizome.app.Main --data "$scratch/data" \
    $args >/dev/null 2>&1
done
cat "$scratch"/classes.* 2>/dev/null | awk '!seen[$0]++' >"$scratch/classes"
[ -s "$scratch/classes" ] || exit 1
run -Xshare:dump -XX:SharedClassListFile="$scratch/classes" \
  -XX:SharedArchiveFile="$app/rhizome-cli.jsa.new" >/dev/null 2>&1 \
  && [ -s "$app/rhizome-cli.jsa.new" ] && mv -f "$app/rhizome-cli.jsa.new" "$app/rhizome-cli.jsa" \
  || { rm -f "$app/rhizome-cli.jsa.new"; exit 1; }
