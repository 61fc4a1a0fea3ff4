"""`python3 -m ack`: runs the adapter, as adapter.py beside the package does."""

import sys

from ack.adapter import main

sys.exit(main())
