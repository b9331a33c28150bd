"""One module per command: `register(subparsers)` adds it, `run(args)` runs it."""
