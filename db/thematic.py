"""The default thematic tree, built from the areas of cooperation of the reference instruments."""

from __future__ import annotations

import resources
from db.engine import Store

TREE_FILE = "thematic_areas.json"


def default_tree() -> list[dict]:
    return resources.load_json(TREE_FILE)["thematic_areas"]


def load_default_tree(store: Store) -> None:
    """Loaded once, into a new store, as records of its own (officers may then edit the tree)."""
    from db.exchange.document import import_records

    import_records(store, {"thematic_areas": default_tree()}, who="PartnerDesk")
