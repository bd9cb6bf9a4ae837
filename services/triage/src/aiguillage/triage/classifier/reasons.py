"""One place to make a decision's reasons, reusing identical ones (speed, not meaning).

`Reason` is a frozen model, so two equal reasons can be the same object. Most reasons repeat from
report to report ("nothing points to school", "the form's field" with the same value, a rule and
the words it found): a bounded table returns the one already built instead of validating a new
one. The table never changes what a decision says.
"""

from aiguillage.shared.decision import Reason

__all__ = ["reason"]

# Reasons kept: far more than a vocabulary's rules and fields give, with the words they quote.
MAX_KEPT_REASONS = 8192
# A plain dictionary rather than `functools.lru_cache`: the callers pass keyword arguments, which
# the cache turns into a longer key; this lookup costs half as much.
_kept: dict[tuple[str, str, tuple[str, ...]], Reason] = {}


def reason(subject: str, rule: str, signals: tuple[str, ...] = ()) -> Reason:
    key = (subject, rule, signals)
    found = _kept.get(key)
    if found is None:
        found = Reason(subject=subject, rule=rule, signals=signals)
        if len(_kept) < MAX_KEPT_REASONS:
            _kept[key] = found
    return found
