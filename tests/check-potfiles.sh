#!/bin/sh
# Every source file with a translatable string must be listed in
# po/POTFILES.in, or its strings never reach translators.
set -u
top="$1"
status=0
cd "$top" || exit 1
for file in $(grep -rlE '\b(N?_|g_dngettext|ngettext)[[:space:]]*\(|translatable="yes"' src | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "not listed in po/POTFILES.in: $file"
    status=1
  fi
done
grep -v '^#' po/POTFILES.in | while read -r file; do
  [ -z "$file" ] && continue
  [ -f "$file" ] || { echo "listed in po/POTFILES.in but missing: $file"; exit 1; }
done || status=1
exit $status
