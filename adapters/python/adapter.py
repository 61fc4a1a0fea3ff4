#!/usr/bin/env python3
"""Starts the adapter: `python3 adapters/python/adapter.py`, the command the kit is given.

Python puts this script's folder first on sys.path, so package `ack` beside it imports from any
working directory. The same as `python3 -m ack` run in this folder.
"""

import sys

from ack.adapter import main

sys.exit(main())
