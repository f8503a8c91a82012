#!/usr/bin/env bash
# rrule.expand with its peers, in one invocation: builds and runs the libical harness
# (installing libical-dev if missing), python-dateutil when available, and community-bench,
# then prints the ratio CommunityEvents / libical (target: >= 20, bench/WORKLOAD.md).
#
#   Benchmarks/rrule-peer.sh            # LIBICAL_R=50 DATEUTIL_R=20 SWIFT_R=300 by default
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="$root/Benchmarks/peers/rrule"
mix="$root/Benchmarks/CommunityBench/Resources/rrule-mix.json"
LIBICAL_R="${LIBICAL_R:-50}"
DATEUTIL_R="${DATEUTIL_R:-20}"
SWIFT_R="${SWIFT_R:-300}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

if ! pkg-config --exists libical 2>/dev/null; then
    echo "installing libical-dev…" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y libical-dev >&2 || { apt-get update >&2 && apt-get install -y libical-dev >&2; }
    else sudo apt-get install -y libical-dev >&2; fi
fi

python3 - "$mix" > "$build/mix.tsv" <<'PY'
import json, sys
mix = json.load(open(sys.argv[1]))
for r in mix["rules"]:
    ical = lambda s: s.replace("-", "").replace(":", "")
    print("\t".join([r["id"], ical(r["dtstart"]), r.get("tzid") or "-", r["rrule"],
                     str(r["limit"]), ical(r["stop_before_local"]), str(r["expected_count"])]))
PY
gcc -O2 -o "$build/libical_bench" "$peers/libical_bench.c" $(pkg-config --cflags --libs libical)

(cd "$root" && swift build -c release --scratch-path .build-release --product community-bench >&2)

libical_line="$("$build/libical_bench" "$build/mix.tsv" "$LIBICAL_R")"
echo "$libical_line"
if python3 -c 'import dateutil' 2>/dev/null; then
    python3 "$peers/dateutil_bench.py" "$mix" "$DATEUTIL_R"
fi
swift_line="$("$root/.build-release/release/community-bench" --only rrule.expand --rounds "$SWIFT_R" --mix "$mix")"
echo "$swift_line"
python3 - "$libical_line" "$swift_line" <<'PY'
import json, sys
libical = float(sys.argv[1].split()[1])
swift = json.loads(sys.argv[2])["ops_per_s"]
print(f"rrule.expand: CommunityEvents {swift:,.0f} occurrences/s, libical {libical:,.0f}/s: "
      f"ratio {swift / libical:.1f}x (target >= 20x)")
PY
