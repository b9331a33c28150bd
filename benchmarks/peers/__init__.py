"""What a user would run instead of clausebook: the baselines the harness compares against."""
