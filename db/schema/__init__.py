"""Declarations only: enumerations, the SQLModel tables, field types and what each record kind
holds (db.schema.kinds). No reading or writing happens here."""
