"""The API with the rules: records in and out (rows), the rules, derived facts, the change
history, the search index, names, the one all-or-nothing batch write, and the operations an
officer performs (services)."""
