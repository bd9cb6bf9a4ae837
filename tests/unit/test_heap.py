import gc

from aiguillage.shared.heap import freeze_startup_heap


def test_the_objects_alive_at_start_up_leave_the_collectors_generations() -> None:
    # An app started earlier in this process may have frozen its own heap already.
    before = gc.get_freeze_count()
    kept: list[list[int]] = [[] for _ in range(1_000)]  # lists: objects the collector tracks
    try:
        freeze_startup_heap()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        if before == 0:
            gc.unfreeze()
