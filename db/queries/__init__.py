"""Read-only views for screens and the briefing: lists, the dashboard, related records, coverage.
Nothing here writes."""
