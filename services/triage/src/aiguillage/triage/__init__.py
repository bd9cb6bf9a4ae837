"""Aiguillage triage service."""
