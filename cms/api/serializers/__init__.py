"""Turn pages and their parts into the JSON the traversal endpoints answer with."""
