"""Campaign Studio: accessible campaign materials from campaign data."""

__version__ = "0.1.0"
