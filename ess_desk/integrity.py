"""The whole check of a council's file (`ess-desk check`): the store's own checks (integrity,
references, schema) and those of the domains that keep derived data (the digests of approved
minutes, the search index). A domain with something of its own to check adds it to `CHECKS`."""

from __future__ import annotations

from ess_desk.minutes.minutes import check_digests
from ess_desk.search.index import check_index
from ess_desk.store import Store
from ess_desk.store.check import Check, check_store

# The domains' checks, run after the store's own, in this order.
CHECKS: tuple[Check, ...] = (check_digests, check_index)


def check_council(store: Store) -> list[str]:
    """Every problem found in the file, in words a secretary can pass on; empty when all is well."""
    return check_store(store, CHECKS)
