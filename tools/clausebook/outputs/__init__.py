"""Every output format, one module each; `outputs.registry` lists them for the commands."""
