#!/usr/bin/env python3
"""Compare `community-demo recur --cases FILE` output (stdin) with the cases' `expected`.

usage: swift run community-demo recur --cases CASES.json | scripts/compare-cases.py CASES.json
"""
import json
import sys

cases = json.load(open(sys.argv[1]))
results = {r["id"]: r for r in json.load(sys.stdin)}
failed = 0
for case in cases:
    got = results.get(case["id"], {})
    if case.get("expect_error"):
        ok = "error" in got
    else:
        ok = got.get("occurrences") == case["expected"]
    if not ok:
        failed += 1
        print(f"FAIL {case['id']}")
        print(f"  expected: {case.get('expected')}")
        print(f"  got:      {got.get('occurrences', got.get('error'))}")
print(f"{len(cases) - failed}/{len(cases)} cases match")
sys.exit(1 if failed else 0)
