"""The synthetic benchmark corpus (being split into modules of one idea each)."""
