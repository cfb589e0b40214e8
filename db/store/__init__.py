"""The store's file: opening and checking it, its lock, backups, recovery, atomic writes and the
migrations. Knows no record kind: it imports only the leaves (errors, i18n, clock)."""
