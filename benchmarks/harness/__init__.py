"""The benchmark harness behind `python -m benchmarks`, one idea a module.

    process       run one command: wall time, peak memory, exit code
    case          one table row measured over runs, scaled from a sample
    plan          what this run measures
    corpus_cases  the rows for one synthetic corpus, with their peers
    site_cases    the rows for `mkdocs build` of the shipped content
    rounds        first runs, then interleaved rounds within the time budget
    table         the Markdown table with the ratios
    targets       the README's targets checked against the measurements
    report        table, targets, machine and command
    progress      progress lines on standard error
"""
