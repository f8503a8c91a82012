#!/usr/bin/env bash
# Stress version of the SQLite crash test: a child process performs acknowledged writes and is
# killed with SIGKILL at a random moment, many times on the same file; after each round the file
# must pass integrity_check and hold every acknowledged write, with nothing half written.
#
# usage: scripts/sqlite-crash-stress.sh [ROUNDS] [KILLS_PER_ROUND]   (defaults: 10 rounds, 20 kills)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
kills="${2:-20}"
swift build --build-tests
for round in $(seq 1 "$rounds"); do
    echo "round $round/$rounds: $kills kills per test case"
    COMMUNITYKIT_CRASH_KILLS="$kills" swift test --skip-build --filter SQLiteCrashTests 2>&1 | tail -1
done
