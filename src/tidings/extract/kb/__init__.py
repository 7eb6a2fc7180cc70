"""The knowledge base: actors, office holders, role words and places read from the package's
TSV files (`knowledge`), the user's YAML/TSV dictionaries (`user`), and `load_kb` (`loader`),
which merges the two. It reads data only; nothing here looks at a parse."""
