"""Screens: one file each. They call domain code in tui, never TinyDB or files."""
