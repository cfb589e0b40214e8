"""The portfolio report: the portfolio review (db.queries.portfolio) printed for management.

Imports no Qt, so it runs from the command line and in tests without a display. It is set in the
briefing's fonts, styles and page template (desktop.briefing), so that both read as one family:

- ``options``  ReportOptions, what the officer chooses (language, paper, sections)
- ``words``    the report's wording in English and French, on top of the briefing's
- ``chart``    the bar chart of what was held per year
- ``report``   the layout: summary, instruments, rules
- ``render``   read_portfolio(store, as_of); render_portfolio_report(review, options, output,
               by_year=...) -> ReportResult
"""

from desktop.portfolio_report.options import SECTIONS, ReportOptions
from desktop.portfolio_report.render import ReportResult, read_portfolio, render_portfolio_report

__all__ = [
    "SECTIONS",
    "ReportOptions",
    "ReportResult",
    "read_portfolio",
    "render_portfolio_report",
]
