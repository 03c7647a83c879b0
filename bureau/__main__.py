import sys

from bureau.cli import main

sys.exit(main())
