"""The README's example queries (tests/export/test_readme_queries.py runs them).

They are plain SQL that SQLite and DuckDB both accept.
"""

AKIMS_OVER_TIME = """\
SELECT pos.region, p.name, pos.position, pos.first_seen, pos.last_seen, pos.meetings
FROM positions pos JOIN people p ON p.person_id = pos.person_id
WHERE pos.role = 'аким' AND pos.region IS NOT NULL
ORDER BY pos.region, pos.first_seen NULLS LAST, p.name;"""

MONEY_PER_REGION_AND_YEAR = """\
SELECT mr.region, COALESCE(f.period_year, m.year) AS year, f.unit,
       SUM(f.value) AS total, COUNT(*) AS figures
FROM figures f
JOIN meetings m ON m.meeting_id = f.meeting_id
JOIN meeting_regions mr ON mr.meeting_id = f.meeting_id
WHERE f.kind = 'money'
GROUP BY 1, 2, 3
ORDER BY 1, 2 NULLS LAST, 3;"""

MEETINGS_OF_A_PERSON = """\
SELECT m.date, m.meeting_id, pa.position, m.region, m.host_name
FROM people p
JOIN participants pa ON pa.person_id = p.person_id AND pa.is_host = 0
JOIN meetings m ON m.meeting_id = pa.meeting_id
WHERE p.name = 'Женис Касымбек'
ORDER BY m.date NULLS LAST, m.meeting_id;"""

EXAMPLES = {
    "akims of each region over time": AKIMS_OVER_TIME,
    "money per region and year": MONEY_PER_REGION_AND_YEAR,
    "meetings of a person": MEETINGS_OF_A_PERSON,
}


def markdown(con, sql: str) -> str:
    """The answer of ``sql`` on ``con`` as the README shows it: a markdown table, NULL for None,
    whole floats without their decimals."""
    cur = con.execute(sql)
    head = [d[0] for d in cur.description]

    def cell(value) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows += ["| " + " | ".join(cell(v) for v in row) + " |" for row in cur.fetchall()]
    return "\n".join(rows)


if __name__ == "__main__":  # python -m extractor.export.examples run.sqlite: the README's answers
    import sqlite3
    import sys

    connection = sqlite3.connect(sys.argv[1])
    for title, query in EXAMPLES.items():
        print(f"*{title[:1].upper()}{title[1:]}:*\n\n{markdown(connection, query)}\n")
