"""The benchmark of issue 7: how fast PartnerDesk is at the size an organization reaches, each
figure beside its floor measured in the same run.

    .venv/bin/python -m bench --size realistic|stress [--json FILE]

It builds a synthetic store of the given size through the real services (``bench.data``,
``bench.build``), then measures: the cold start of the window against a bare PySide6 window and
the memory it then holds (``bench.window``, subprocesses); each list's steps through the real
table model against the same SQL run by plain sqlite3 (``bench.lists``); the global search against
its FTS5 query (``bench.search``); the heavy partner's briefing against ReportLab laying out the
same tables (``bench.briefing``); export and import of the whole store against plain ``json`` and
``sqlite3`` (``bench.exchange``). Results are printed as a table and written as JSON
(``bench.figures``). Nothing here is a test: tests/test_bench.py checks it on the tiny size.
"""
