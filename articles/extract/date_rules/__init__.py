"""Date-extraction internals: the grammar of Chinese date expressions and calendar arithmetic."""
