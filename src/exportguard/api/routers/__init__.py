"""One router module per endpoint family."""
