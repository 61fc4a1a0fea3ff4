"""Import this before the fibers package: without greenlet, the importing test module is skipped, with the reason."""

from __future__ import annotations

import unittest

try:
    import greenlet  # noqa: F401
except ModuleNotFoundError as err:
    raise unittest.SkipTest(
        "fibers need greenlet: run the tests with /usr/bin/python3 after `apt-get install python3-greenlet`"
    ) from err
