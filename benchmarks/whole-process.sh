#!/usr/bin/env bash
# Whole-process runs for docs/performance.md: reportlint over 10,000, 100,000, 200,000 and 300,000 generated reports,
# and one cold file.
# Usage: benchmarks/whole-process.sh [workdir]   (needs /usr/bin/time: Debian package "time")
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/reportlint-corpus}
dotnet build -c Release benchmarks/ReportLint.Benchmarks --nologo -v q
# The CLI as it is shipped to CI machines: `dotnet publish` (ReadyToRun, see src/ReportLint/ReportLint.csproj).
dotnet publish -c Release src/ReportLint -o "$work/reportlint" --nologo -v q
generator=benchmarks/ReportLint.Benchmarks/bin/Release/net10.0/ReportLint.Benchmarks.dll
reportlint=$work/reportlint/reportlint.dll
for n in 10000 100000; do
  [ -d "$work/$n" ] || dotnet "$generator" corpus "$work/$n" "$n"
  echo "== $n reports ($(du -sh "$work/$n" | cut -f1))"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$reportlint" "$work/$n" --format json > /dev/null || true
done
# Is memory flat in the number of files? The 100,000 listed two and three times, through links with other names (a
# file named twice is checked once), so 200,000 and 300,000 files are read without 2.4 GB more on disk.
ln -sfn "$work/100000" "$work/100000-b"
ln -sfn "$work/100000" "$work/100000-c"
for listing in "$work/100000 $work/100000-b" "$work/100000 $work/100000-b $work/100000-c"; do
  echo "== $(echo $listing | wc -w) × 100,000 reports"
  # shellcheck disable=SC2086 # the listing is meant to split into paths
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$reportlint" $listing --format json > /dev/null || true
done
echo "== one file, cold"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet "$reportlint" examples/000_1c6b722cb07b2c5a.json > /dev/null || true
done
