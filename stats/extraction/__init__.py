"""Figure extraction internals: numerals, units, figure scanning and measure phrases."""
