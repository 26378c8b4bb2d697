"""Normalisation: small pure functions for names, scripts, legal forms, dates, identifiers, countries."""
