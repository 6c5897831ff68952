#!/usr/bin/env bash
# Whether two builds give byte-identical analysis output: figures, conflicts, quotes and entities
# JSON (no cache) on every evaluation corpus there is here (dev, real-dev, bundled, the external
# sets in target/eval-data, the ECB+ topics). A speed change must print "differing 0".
# Usage: scripts/same-output.sh BIN_A BIN_B
set -uo pipefail
cd "$(dirname "$0")/.."
a=$1 b=$2
n=0 bad=0
for d in ../shared/eval/dev/corpus/* ../shared/eval/real-dev/corpus/* assets/corpus target/eval-data/*/corpus ../shared/corpora/ecbplus/*; do
  [ -d "$d" ] || continue
  for c in figures conflicts quotes entities; do
    ha=$("$a" "$c" --json --no-cache --corpus "$d" 2>&1 | md5sum)
    hb=$("$b" "$c" --json --no-cache --corpus "$d" 2>&1 | md5sum)
    n=$((n + 1))
    if [ "$ha" != "$hb" ]; then echo "DIFF $c $d"; bad=$((bad + 1)); fi
  done
done
echo "checked $n, differing $bad"
