import gc

from aiguillage.shared.heap import freeze_startup_heap


def test_the_start_up_heap_leaves_the_collectors_generations() -> None:
    kept = [object() for _ in range(1_000)]
    assert gc.get_freeze_count() == 0
    try:
        freeze_startup_heap()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
