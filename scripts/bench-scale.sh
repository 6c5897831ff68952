#!/usr/bin/env bash
# Measures the scale table of the README: generated corpora of 1,000 / 10,000 / 100,000
# articles of about 500 words, `list --json` and `entities --json`, wall time and peak memory
# (/usr/bin/time -v). Usage: scripts/bench-scale.sh [SIZES...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/diptych
work=${TMPDIR:-/tmp}/diptych-scale
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
printf '| articles | corpus MB | list --json s | list MB | entities --json s | entities MB | cached entities s | cached MB |\n|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  dir="$work/$n"
  [ -d "$dir" ] || "$bin" generate "$n" --out "$dir" --seed 1 --words 500 2>/dev/null
  mb=$(du -sm "$dir" | cut -f1)
  measure() {
    /usr/bin/time -v "$bin" "$@" --corpus "$dir" --json 2>&1 >/dev/null \
      | awk '/Elapsed \(wall clock\)/ {t=$NF} /Maximum resident/ {m=$NF} END {
          n = split(t, p, ":"); s = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2];
          printf "%.2f | %.0f", s, m/1024 }'
  }
  # the first entities run analyses and writes the cache (as a user's first run does), the
  # second reads it
  rm -rf "${cache:?}"/*
  printf '| %s | %s | %s | %s | %s |\n' "$n" "$mb" "$(measure list --no-cache)" \
    "$(DIPTYCH_CACHE_DIR=$cache measure entities)" "$(DIPTYCH_CACHE_DIR=$cache measure entities)"
done
