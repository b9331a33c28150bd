"""The lint engine: rules with stable codes over the loaded documents and every resolved handbook.

`engine.lint(workspace, ...)` runs them; `config.load_config(root)` reads
`[tool.clausebook.lint]`; `registry` lists the rules and their documentation.
"""
