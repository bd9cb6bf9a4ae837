"""One place to make a decision's reasons, reusing identical ones (speed, not meaning).

`Reason` is a frozen model, so two equal reasons can be the same object. Most reasons repeat from
report to report ("nothing points to school", "the form's field" with the same value, a rule and
the words it found): a bounded cache returns the one already built instead of validating a new
one. The cache never changes what a decision says.
"""

from functools import lru_cache

from aiguillage.shared.decision import Reason

__all__ = ["reason"]


@lru_cache(maxsize=8192)
def reason(subject: str, rule: str, signals: tuple[str, ...] = ()) -> Reason:
    return Reason(subject=subject, rule=rule, signals=signals)
