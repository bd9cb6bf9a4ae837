"""Aiguillage intake service."""
