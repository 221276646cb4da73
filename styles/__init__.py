"""TCSS stylesheets, shipped inside the wheel."""
