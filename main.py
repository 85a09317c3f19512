"""Start the Campaign Studio desktop app: python main.py [FOLDER] [--ui-lang CODE] [--screenshot FILE.png]"""

import sys

from campaign_studio.cli.main import run

if __name__ == "__main__":
    sys.exit(run(["gui", *sys.argv[1:]]))
