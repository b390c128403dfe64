"""Hand-run benchmarks (not tests): extraction quality against hand annotations."""
