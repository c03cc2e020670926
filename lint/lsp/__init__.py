"""`newslint lsp`: a language server over stdio (needs the `lsp` extra: pygls)."""
