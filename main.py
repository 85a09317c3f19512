"""Start the Campaign Studio desktop app: python main.py"""

import sys

from campaign_studio.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
