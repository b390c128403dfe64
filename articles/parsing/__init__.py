"""Page parsing: bytes of a newspaper page file in, articles out. Plain Python, no Django."""
