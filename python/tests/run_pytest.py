"""Runs pytest on the given folder; exit status 77 (skipped for ctest) when pytest is missing."""
import sys


def main():
    try:
        import pytest
    except ImportError:
        print("skipped: pytest is not installed (Debian python3-pytest)")
        return 77
    return pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]])


# The guard matters: Dask's worker processes are spawned and import the main module again.
if __name__ == "__main__":
    sys.exit(main())
