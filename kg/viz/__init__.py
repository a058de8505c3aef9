"""Visualisation: the offline explorer page (``kg.viz.explorer``) and headless Chromium (``kg.viz.browser``)."""
