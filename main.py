"""Start BriefBook's window (the same as the ``briefbook-gui`` command).

On a first start there is no library yet: BriefBook creates one in your data
folder from the demo (the Bangkok conference on online scams).
"""

import sys

from briefbook.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
