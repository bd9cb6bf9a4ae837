"""Aiguillage dispatch service."""
