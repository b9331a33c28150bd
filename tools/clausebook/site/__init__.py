"""The handbook site: a page renderer independent of MkDocs, and the MkDocs plugin over it."""
