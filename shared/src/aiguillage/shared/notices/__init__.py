"""The reporter's notices (ROUTING_POLICY.md §4, last rule): an acknowledgement on receipt, then
the outcome. The words are plain-text templates in `templates/`, editable without Python."""

from aiguillage.shared.notices.compose import acknowledgement_text, outcome_text

__all__ = ["acknowledgement_text", "outcome_text"]
