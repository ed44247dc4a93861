"""Runs pytest on the given folder; exit status 77 (skipped for ctest) when pytest is missing."""
import sys

try:
    import pytest
except ImportError:
    print("skipped: pytest is not installed (Debian python3-pytest)")
    sys.exit(77)
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]]))
