"""The organization's view on a team server: three plain SQL views for management's reporting
tools (docs/team-server.md, "Reporting"), as of the server's own date. PostgreSQL only: a
laptop's store has the window for this.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 23:45:00

"""

from typing import Sequence, Union

from alembic import op


revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The rules of db/records/derived.py, written out: an agreement in force whose expiry date has
# passed is expired; the last day to give notice is the expiry date less the notice period (in
# calendar months, the day kept where it exists, as PostgreSQL subtracts months); a follow-up is
# late when it is open or in progress and its due date has passed.
VIEWS = {
    "agreements_overview": """
SELECT a.id, a.reference, a.title, a.kind, a.status,
       CASE WHEN a.status = 'in_force' AND a.expires_on < current_date THEN 'expired'
            ELSE a.status END AS effective_status,
       a.entry_into_force, a.expires_on,
       CASE WHEN a.expires_on IS NOT NULL AND a.notice_months > 0
            THEN (a.expires_on - make_interval(months => a.notice_months))::date END
         AS notice_deadline,
       a.review_on,
       (a.status = 'in_force' AND a.review_on < current_date
        AND (a.expires_on IS NULL OR a.expires_on >= current_date)) AS review_overdue,
       (SELECT string_agg(coalesce(o.acronym, o.name), ', ' ORDER BY p.position)
          FROM agreement_party p JOIN organization o ON o.id = p.organization_id
         WHERE p.agreement_id = a.id) AS parties,
       EXISTS (SELECT 1 FROM conflict c
                WHERE c.record_kind = 'agreement' AND c.record_id = a.id) AS in_conflict,
       a.updated_at
  FROM agreement a
 WHERE a.archived_at IS NULL""",
    "activities_by_area_and_year": """
SELECT t.id AS thematic_area_id, t.name AS thematic_area,
       CAST(extract(year FROM j.start_on) AS integer) AS year,
       count(*) AS activities,
       count(*) FILTER (WHERE j.status = 'completed') AS completed,
       sum(j.participants_total) AS participants
  FROM activity j
  JOIN activity_thematic_area l ON l.activity_id = j.id
  JOIN thematic_area t ON t.id = l.thematic_area_id
 WHERE j.archived_at IS NULL AND j.start_on IS NOT NULL
 GROUP BY t.id, t.name, CAST(extract(year FROM j.start_on) AS integer)""",
    "late_follow_ups_by_owner": """
SELECT coalesce(f.owner, '') AS owner, count(*) AS late, min(f.due_on) AS oldest_due_on
  FROM follow_up f
 WHERE f.archived_at IS NULL AND f.status IN ('open', 'in_progress')
   AND f.due_on < current_date
 GROUP BY coalesce(f.owner, '')""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {query}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW {name}")
