"""The team server: a PostgreSQL database that holds the organization's portfolio, which laptops
sync with through the same merge as between laptops (docs/team-server.md)."""
