#!/usr/bin/env bash
# Whole-process runs for docs/performance.md: reportlint over 10,000 and 100,000 generated reports, and one cold file.
# Usage: benchmarks/whole-process.sh [workdir]   (needs /usr/bin/time: Debian package "time")
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/reportlint-corpus}
dotnet build -c Release benchmarks/ReportLint.Benchmarks --nologo -v q
dotnet build -c Release src/ReportLint --nologo -v q
generator=benchmarks/ReportLint.Benchmarks/bin/Release/net10.0/ReportLint.Benchmarks.dll
reportlint=src/ReportLint/bin/Release/net10.0/reportlint.dll
for n in 10000 100000; do
  [ -d "$work/$n" ] || dotnet "$generator" corpus "$work/$n" "$n"
  echo "== $n reports ($(du -sh "$work/$n" | cut -f1))"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$reportlint" "$work/$n" --format json > /dev/null || true
done
echo "== one file, cold"
for i in 1 2 3; do
  /usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet "$reportlint" examples/000_1c6b722cb07b2c5a.json > /dev/null || true
done
