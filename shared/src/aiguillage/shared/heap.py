"""The garbage collector, set for a service whose start-up objects live as long as it does.

A full collection walks every tracked object, and a service holds ~10^5 of them from start-up
(modules, pydantic schemas, triage's compiled vocabularies, dispatch's communes) that are never
garbage. Batches of events keep their objects alive across the young collections, so the full
ones come often: parsing a `ReportTriaged` cost 308 µs with the collector as it is, 92 µs with it
off (a process holding 10^5 objects; docs/benchmark.md). Freezing the start-up heap takes those
objects out of every collection; the collector still runs, on what the service allocates since.
"""

import gc

__all__ = ["freeze_startup_heap"]


def freeze_startup_heap() -> None:
    """Collect once, then move every object still alive to the permanent generation. Call it
    when start-up is done (what is allocated later is collected as usual)."""
    gc.collect()
    gc.freeze()
