"""exportguard: human-rights due diligence and restricted-party screening for surveillance exports."""

__version__ = "0.1.0"
