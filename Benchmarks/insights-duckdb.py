#!/usr/bin/env python3
"""The DuckDB peer of `community-bench --only insights.report` (bench/WORKLOAD.md).

    python3 Benchmarks/insights-duckdb.py ACTIVITY.jsonl [--repeat 3] [--threads N]

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
apart; `query_seconds` is the median wall time of the headline queries over the loaded table.
Prints one JSON object on stdout; progress on stderr. Exit status 3 if duckdb is unavailable.
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
    "CREATE OR REPLACE TEMP TABLE raw AS "
    "SELECT * FROM read_json(?, format = 'newline_delimited', columns = {columns})",
    """CREATE OR REPLACE TABLE activity AS
    SELECT row_number() OVER (ORDER BY t NULLS FIRST, line) AS seq, *
    FROM (
        SELECT rowid + 1 AS line, type, id, member, epoch(t::TIMESTAMPTZ) AS t,
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
-- Staff status changes: the member line, then role lines (Reading 4).
staffing AS (
    SELECT member, seq, staff FROM activity WHERE type IN ('member', 'role')
),
bots AS (
    SELECT member, bot FROM activity WHERE type = 'member'
),
threads AS (
    SELECT a.id, a.member AS author, a.t AS t0, a.seq, a.kind = 'question' AS question,
           s.staff AS author_staff, b.bot AS author_bot
    FROM activity a
    ASOF JOIN staffing s ON s.member = a.member AND a.seq >= s.seq
    JOIN bots b ON b.member = a.member
    WHERE a.type = 'thread'
),
-- Reading 8: a delete counts if it comes after the post (the SDK skips a delete of a post it
-- has not seen yet).
deletes AS (
    SELECT post, seq FROM activity WHERE type = 'delete'
),
-- Replies that may be a first response: not the asker, not a bot, t > t0, not deleted.
candidates AS (
    SELECT r.thread, r.id, r.t, s.staff
    FROM activity r
    JOIN threads th ON th.id = r.thread AND th.seq < r.seq
    JOIN bots b ON b.member = r.member
    ASOF JOIN staffing s ON s.member = r.member AND r.seq >= s.seq
    WHERE r.type = 'reply' AND r.member <> th.author AND NOT b.bot AND r.t > th.t0
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
-- C1: the 30 days ending on day(min(evaluation, window end)); MAU looks 29 days further back.
last_day AS (
    SELECT CAST(floor(least(evaluation, w_to) / 86400) AS BIGINT) AS d FROM bounds
),
active_lines AS (
    SELECT a.member, CAST(floor(a.t / 86400) AS BIGINT) AS day, a.seq
    FROM activity a, last_day
    WHERE a.type IN ('member', 'thread', 'reply', 'accept', 'react', 'rsvp', 'attend', 'view')
      AND a.t >= (last_day.d - 58) * 86400 AND a.t < (last_day.d + 1) * 86400
),
member_days AS (
    SELECT DISTINCT a.member, a.day
    FROM active_lines a
    JOIN bots b ON b.member = a.member
    ASOF JOIN staffing s ON s.member = a.member AND a.seq >= s.seq
    WHERE NOT b.bot AND NOT s.staff
),
days AS (
    SELECT range AS d FROM range((SELECT d - 29 FROM last_day), (SELECT d + 1 FROM last_day))
),
daily AS (
    SELECT days.d,
           count(DISTINCT md.member) FILTER (WHERE md.day = days.d) AS dau,
           count(DISTINCT md.member) AS mau
    FROM days JOIN member_days md ON md.day BETWEEN days.d - 29 AND days.d
    GROUP BY days.d
),
stickiness AS (
    SELECT coalesce(sum(CASE WHEN mau > 0 THEN dau / mau ELSE 0 END), 0) / 30 AS dau_mau,
           coalesce(max(dau) FILTER (WHERE d = (SELECT d FROM last_day)), 0) AS dau,
           coalesce(max(mau) FILTER (WHERE d = (SELECT d FROM last_day)), 0) AS mau
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
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's, all cores)")
    parser.add_argument("--database", default=":memory:", help="DuckDB database (default: in memory)")
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

    runs = []
    figures = None
    for run in range(max(1, args.repeat)):
        started = time.perf_counter()
        cursor = con.execute(QUERY)
        row = cursor.fetchone()
        wall = time.perf_counter() - started
        runs.append(wall)
        if figures is None:
            names = [d[0] for d in cursor.description]
            figures = dict(zip(names, row))
        log(f"  DuckDB queries run {run + 1}: {wall:.3f} s ({rows / wall:.0f} activities/s)")

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
        "query_seconds": statistics.median(runs),
        "query_runs": runs,
        "figures": figures,
    }))


if __name__ == "__main__":
    main()
