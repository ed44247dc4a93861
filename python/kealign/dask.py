"""Dask engine (see docs/scaling.md)."""
