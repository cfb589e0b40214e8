"""`python -m desktop` and the PyInstaller bundle start here, as the `partnerdesk` command does."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
