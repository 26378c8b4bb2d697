"""Matching: features, scoring algorithms (versioned names) and explanations."""
