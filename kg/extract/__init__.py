"""News text to evidence-backed statements."""
