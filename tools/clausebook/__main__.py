import sys

from clausebook.cli import main

sys.exit(main())
