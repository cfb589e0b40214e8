"""Moving data in and out of a store: the JSON exchange format (and, beside it, spreadsheets and
calendars)."""
