"""Translations: status from the history (`status`), the text a handbook shows (`localize`),
exchange with translation systems (`exchange`) and writing translation files (`files`).

The pure part (what a document offers to translate, digests, which file a
handbook reads) is `core.translation`; DESIGN.md "Translations" is the contract.
"""
