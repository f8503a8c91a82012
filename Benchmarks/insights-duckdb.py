#!/usr/bin/env python3
"""The DuckDB peer of `community-bench --only insights.report` (bench/WORKLOAD.md).

    python3 Benchmarks/insights-duckdb.py ACTIVITY.jsonl [--repeat 3] [--warmup 0] [--threads N] [--interleave]

Loads an activity export (the JSON Lines exchange format of INSIGHTS.md) into one DuckDB table,
then computes in SQL the headline figures of the SDK's report with the same definitions and
Readings (INSIGHTS.md §0, A1, A2, C1, C4, C5, Readings 1-13):

  pas                  A1: question threads of the window with a first response; share whose
                       first responder was not staff at the reply.
  mit                  A2: threads of the window whose author was neither staff (at posting
                       time) nor a bot, over all threads of the window.
  ttfr median / p90    C4: t(fr) - t0 over threads of every kind with an fr, nearest rank
                       x[ceil(q*n)].
  unanswered_rate      C5: threads with t0 <= evaluation - 24 h (Reading 12) with no fr.
  dau_mau              C1 / Reading 6: mean over the 30 UTC days ending on the day of
                       min(evaluation, window end) of DAU(d)/MAU(d) (0 when MAU = 0).

First response (§0, Reading 8): the earliest reply by (t, post id as bytes) whose author is not
the thread's author and not a bot, with t > t0, not deleted by the evaluation time. Staff status
is the one in force at the line (Reading 4): the member line, then role lines, in (t, line)
order. Active lines (Reading 5): member, thread, reply, accept, react, rsvp, attend, view, by a
member neither staff at the line nor a bot. Evaluation time = the largest t (Reading 1); the
window is the SDK's default: the start of the UTC day of the earliest t to the start of the UTC
day after the evaluation time. Time zone UTC (Reading 13).

The load (read_json, typing, the (t, line) order the SDK's reader also sorts into) is timed
apart; `query_seconds` is the median wall time of the headline queries over the loaded table (the
lower of the middle two for an even count of runs, as community-bench takes the SDK's), after
--warmup runs that are timed apart (`warmup_runs`).
Prints one JSON object on stdout; progress on stderr. Exit status 3 if duckdb is unavailable.

With --interleave the caller takes turns with the queries (community-bench times its own runs
in between, so that both sides see the same state of the machine): once loaded, the script
prints `{"ready": ROWS}` and then, for each line it reads on stdin, runs the queries once and
prints `{"run": SECONDS}`; at the end of stdin (or after --repeat runs) it prints the result.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def log(message):
    print(message, file=sys.stderr, flush=True)


def import_duckdb():
    try:
        import duckdb  # noqa: F401
        return duckdb
    except ImportError:
        pass
    log("insights-duckdb: duckdb is not installed; pip install duckdb ...")
    attempts = [
        [sys.executable, "-m", "pip", "install", "--quiet", "duckdb"],
        [sys.executable, "-m", "pip", "install", "--quiet", "--user", "duckdb"],
        [sys.executable, "-m", "pip", "install", "--quiet", "--break-system-packages", "duckdb"],
    ]
    for command in attempts:
        try:
            if subprocess.run(command, stdout=sys.stderr, stderr=sys.stderr).returncode == 0:
                break
        except OSError as error:
            log(f"insights-duckdb: {error}")
            break
    try:
        import importlib
        import site

        importlib.invalidate_caches()
        user_site = site.getusersitepackages()
        if isinstance(user_site, str) and user_site not in sys.path:
            sys.path.append(user_site)
        import duckdb  # noqa: F811
        return duckdb
    except ImportError:
        log("insights-duckdb: duckdb is unavailable (pip install duckdb failed)")
        sys.exit(3)


# The exchange format's fields, typed. `t` stays text here and becomes epoch seconds (DOUBLE,
# like the SDK's Date) in the table.
COLUMNS = {
    "type": "VARCHAR", "id": "VARCHAR", "member": "VARCHAR", "t": "VARCHAR", "staff": "BOOLEAN",
    "bot": "BOOLEAN", "tag": "VARCHAR", "product": "BOOLEAN", "space": "VARCHAR", "kind": "VARCHAR",
    "tags": "VARCHAR[]", "thread": "VARCHAR", "parent": "VARCHAR", "post": "VARCHAR",
    "event": "VARCHAR", "resource": "VARCHAR",
}

# The load, statement by statement. `raw` keeps the file's line order (insertion order is
# preserved, so rowid + 1 is the line among the non-blank lines); `activity` holds one row per
# line in (t, line) order (untimed tag lines first), as the SDK's reader sorts its records, with
# `seq` its position in that order.
LOAD = [
    "CREATE TYPE activity_type AS ENUM ('member', 'role', 'tag', 'thread', 'reply', 'accept', 'react', "
    "'delete', 'flag', 'rsvp', 'attend', 'view')",
    "CREATE OR REPLACE TEMP TABLE raw AS "
    "SELECT * FROM read_json(?, format = 'newline_delimited', columns = {columns})",
    """CREATE OR REPLACE TABLE activity AS
    SELECT row_number() OVER (ORDER BY t NULLS FIRST, line) AS seq, *
    FROM (
        SELECT rowid + 1 AS line, CAST(type AS activity_type) AS type, id, member, epoch(t::TIMESTAMPTZ) AS t,
               coalesce(staff, false) AS staff, coalesce(bot, false) AS bot, tag, product, space, kind,
               tags, thread, parent, post, event, resource
        FROM raw
    )""",
    "DROP TABLE raw",
]

# The headline figures in one statement over `activity`.
QUERY = """
WITH
bounds AS (
    SELECT max(t) AS evaluation,
           floor(min(t) / 86400) * 86400 AS w_from,
           (floor(max(t) / 86400) + 1) * 86400 AS w_to
    FROM activity WHERE t IS NOT NULL
),
-- Staff status (Reading 4): the member line's, unless role lines change it. `spans` holds, for
-- members with role lines only, the [from_seq, to_seq) ranges of each status; a line's status
-- is its span's, else the member line's.
members AS (
    SELECT member, staff, bot FROM activity WHERE type = 'member'
),
spans AS (
    SELECT member, seq AS from_seq, staff,
           lead(seq, 1, 9223372036854775807) OVER (PARTITION BY member ORDER BY seq) AS to_seq
    FROM activity
    WHERE type IN ('member', 'role') AND member IN (SELECT member FROM activity WHERE type = 'role')
),
threads AS (
    SELECT a.id, a.member AS author, a.t AS t0, a.seq, a.kind = 'question' AS question,
           coalesce(sp.staff, m.staff) AS author_staff, m.bot AS author_bot
    FROM activity a
    JOIN members m ON m.member = a.member
    LEFT JOIN spans sp ON sp.member = a.member AND a.seq >= sp.from_seq AND a.seq < sp.to_seq
    WHERE a.type = 'thread'
),
-- Reading 8: a delete counts if it comes after the post (the SDK skips a delete of a post it
-- has not seen yet).
deletes AS (
    SELECT post, seq FROM activity WHERE type = 'delete'
),
-- Replies that may be a first response: not the asker, not a bot, t > t0, not deleted.
candidates AS (
    SELECT r.thread, r.id, r.t, coalesce(sp.staff, m.staff) AS staff
    FROM activity r
    JOIN threads th ON th.id = r.thread AND th.seq < r.seq
    JOIN members m ON m.member = r.member
    LEFT JOIN spans sp ON sp.member = r.member AND r.seq >= sp.from_seq AND r.seq < sp.to_seq
    WHERE r.type = 'reply' AND r.member <> th.author AND NOT m.bot AND r.t > th.t0
      AND NOT EXISTS (SELECT 1 FROM deletes d WHERE d.post = r.id AND d.seq > r.seq)
),
-- Earliest candidate by (t, post id as bytes); ids are unique, so the struct minimum is it.
first_response AS (
    SELECT thread, min({'t': t, 'id': id, 'staff': staff}) AS first
    FROM candidates GROUP BY thread
),
window_threads AS (
    SELECT th.*, fr.first.t - th.t0 AS delay, fr.first.staff AS fr_staff, fr.thread IS NOT NULL AS answered
    FROM threads th
    LEFT JOIN first_response fr ON fr.thread = th.id, bounds
    WHERE th.t0 >= bounds.w_from AND th.t0 < bounds.w_to
),
thread_figures AS (
    SELECT
        count(*) FILTER (WHERE question AND answered) AS questions_with_response,
        count(*) FILTER (WHERE question AND answered AND NOT fr_staff) AS peer_first,
        count(*) AS threads,
        count(*) FILTER (WHERE NOT author_staff AND NOT author_bot) AS member_threads,
        count(*) FILTER (WHERE answered) AS threads_with_response,
        list_sort(list(delay) FILTER (WHERE answered)) AS delays,
        count(*) FILTER (WHERE t0 <= (SELECT evaluation FROM bounds) - 86400) AS eligible_threads,
        count(*) FILTER (WHERE t0 <= (SELECT evaluation FROM bounds) - 86400 AND NOT answered) AS unanswered_threads
    FROM window_threads
),
-- C1: the 30 days ending on day L = day(min(evaluation, window end)); MAU looks 29 days further
-- back. Per member, bit i of `mask` = active on day L - i (i < 59).
last_day AS (
    SELECT CAST(floor(least(evaluation, w_to) / 86400) AS BIGINT) AS d FROM bounds
),
member_masks AS (
    SELECT a.member,
           bit_or(CAST(1 AS UBIGINT) << CAST(last_day.d - CAST(floor(a.t / 86400) AS BIGINT) AS INTEGER)) AS mask
    FROM activity a
    JOIN members m ON m.member = a.member
    LEFT JOIN spans sp ON sp.member = a.member AND a.seq >= sp.from_seq AND a.seq < sp.to_seq,
    last_day
    WHERE a.type IN ('member', 'thread', 'reply', 'accept', 'react', 'rsvp', 'attend', 'view')
      AND a.t >= (last_day.d - 58) * 86400 AND a.t < (last_day.d + 1) * 86400
      AND NOT m.bot AND NOT coalesce(sp.staff, m.staff)
    GROUP BY a.member
),
daily AS (
    SELECT j,
           count(*) FILTER (WHERE (mask >> j) & CAST(1 AS UBIGINT) <> 0) AS dau,
           count(*) FILTER (WHERE (mask >> j) & CAST(1073741823 AS UBIGINT) <> 0) AS mau
    FROM member_masks, range(30) AS r(j)
    GROUP BY j
),
stickiness AS (
    SELECT coalesce(sum(CASE WHEN mau > 0 THEN dau / mau ELSE 0 END), 0) / 30 AS dau_mau,
           coalesce(max(dau) FILTER (WHERE j = 0), 0) AS dau,
           coalesce(max(mau) FILTER (WHERE j = 0), 0) AS mau
    FROM daily
)
SELECT
    CASE WHEN questions_with_response = 0 THEN NULL ELSE peer_first / questions_with_response END AS pas,
    questions_with_response,
    CASE WHEN threads = 0 THEN NULL ELSE member_threads / threads END AS mit,
    threads,
    member_threads,
    delays[(threads_with_response + 1) // 2] AS ttfr_median_seconds,
    delays[(9 * threads_with_response + 9) // 10] AS ttfr_p90_seconds,
    threads_with_response,
    CASE WHEN eligible_threads = 0 THEN NULL ELSE unanswered_threads / eligible_threads END AS unanswered_rate,
    eligible_threads,
    unanswered_threads,
    dau_mau, dau, mau
FROM thread_figures, stickiness
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", help="activity export (JSON Lines)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the queries (median reported)")
    parser.add_argument("--warmup", type=int, default=0, help="runs before those, timed apart (warmup_runs)")
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's, all cores)")
    parser.add_argument("--database", default=":memory:", help="DuckDB database (default: in memory)")
    parser.add_argument("--interleave", action="store_true",
                        help="run the queries once per line read on stdin, after printing {\"ready\": rows}")
    args = parser.parse_args()
    if not os.path.exists(args.jsonl):
        log(f"insights-duckdb: {args.jsonl}: no such file")
        sys.exit(2)

    duckdb = import_duckdb()
    con = duckdb.connect(args.database)
    if args.threads > 0:
        con.execute(f"SET threads = {args.threads}")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in COLUMNS.items()) + "}"

    started = time.perf_counter()
    for statement in LOAD:
        if "read_json" in statement:
            con.execute(statement.format(columns=columns), [args.jsonl])
        else:
            con.execute(statement)
    rows = con.execute("SELECT count(*) FROM activity").fetchone()[0]
    load_seconds = time.perf_counter() - started
    log(f"  DuckDB {duckdb.__version__} ({threads} threads): loaded {rows} rows in {load_seconds:.2f} s")

    if args.interleave:
        print(json.dumps({"ready": rows}), flush=True)

    runs = []
    warmups = []
    figures = None
    for run in range(max(0, args.warmup) + max(1, args.repeat)):
        if args.interleave and not sys.stdin.readline():
            break
        started = time.perf_counter()
        cursor = con.execute(QUERY)
        row = cursor.fetchone()
        wall = time.perf_counter() - started
        (warmups if run < args.warmup else runs).append(wall)
        if figures is None:
            names = [d[0] for d in cursor.description]
            figures = dict(zip(names, row))
        label = f"warm-up {run + 1}" if run < args.warmup else f"run {run - max(0, args.warmup) + 1}"
        log(f"  DuckDB queries {label}: {wall:.3f} s ({rows / wall:.0f} activities/s)")
        if args.interleave:
            print(json.dumps({"run": wall}), flush=True)
    if not runs:
        log("insights-duckdb: no timed run was asked for")
        sys.exit(4)

    for key, value in list(figures.items()):
        if value is not None and key not in ("pas", "mit", "unanswered_rate", "dau_mau",
                                             "ttfr_median_seconds", "ttfr_p90_seconds"):
            figures[key] = int(value)
        elif value is not None:
            figures[key] = float(value)
    print(json.dumps({
        "peer": "duckdb",
        "duckdb_version": duckdb.__version__,
        "duckdb_threads": int(threads),
        "rows": rows,
        "load_seconds": load_seconds,
        "query_seconds": statistics.median_low(runs),
        "query_runs": runs,
        "warmup_runs": warmups,
        "figures": figures,
    }))


if __name__ == "__main__":
    main()
