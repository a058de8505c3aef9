"""A headless Chromium driven by Playwright: screenshots of the explorer, and its tests and benchmarks.

The browser is the system's own (Debian's ``chromium``, or ``$POLKG_CHROMIUM``); Playwright (the ``viz``
extra) only drives it and never downloads one. :func:`open_page` loads a local file with every request
that is not ``file:`` blocked and recorded, and collects console errors; :func:`screenshot` waits until
the explorer's layout is stable and saves a PNG.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KGError

__all__ = ["CHROMIUM_ARGS", "PageLog", "browser", "chromium_path", "missing", "open_page", "screenshot"]

#: Flags for a root user on a machine without a network: no sandbox, no GPU, no background traffic.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """The Debian Chromium binary, or None."""
    found = os.environ.get("POLKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@dataclass
class PageLog:
    """What a page did: requests it tried beyond ``file:`` (all blocked), console errors, page errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def missing() -> str | None:
    """Why no browser can be driven here, or None when one can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install 'polkg[viz]' (it drives the system's Chromium)"
    if chromium_path() is None:
        return "no Chromium found: install it (Debian: apt-get install chromium) or set $POLKG_CHROMIUM"
    return None


@contextmanager
def browser() -> Iterator[Any]:
    """A headless system Chromium under Playwright.

    Raises
    ------
    KGError
        If Playwright or Chromium is missing.
    """
    problem = missing()
    if problem:
        raise KGError(problem)
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chrome
        finally:
            chrome.close()


@contextmanager
def open_page(chrome: Any, path: Path, *, width: int = 1280, height: int = 800) -> Iterator[tuple[Any, PageLog]]:
    """Open ``path`` in a fresh context that blocks (and records) every request not for a ``file:`` URL.

    The page's Content-Security-Policy is bypassed (see below).
    """
    log = PageLog()
    # The page's own Content-Security-Policy forbids eval, which Playwright's waiting needs; bypassing it
    # also means tests see what the page's escaping alone does, without the policy's help.
    context = chrome.new_context(viewport={"width": width, "height": height}, bypass_csp=True)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            log.blocked.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: log.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    try:
        page.goto(path.resolve().as_uri())
        yield page, log
    finally:
        context.close()


def wait_stable(page: Any, *, timeout_ms: int = 60000) -> float:
    """Wait until the explorer's layout has settled; return the milliseconds it took the page."""
    page.wait_for_function("window.kgExplorer && window.kgExplorer.state.stable", timeout=timeout_ms)
    return float(page.evaluate("window.kgExplorer.state.stableMs"))


def screenshot(html: Path, png: Path, *, width: int = 1280, height: int = 800) -> Path:
    """Save a PNG of an explorer page once its layout is stable (written to a temporary file, then renamed).

    Raises
    ------
    KGError
        If no browser can be driven, or the page reports errors.
    """
    partial = png.with_name(f".{png.name}.tmp.png")
    with browser() as chrome, open_page(chrome, html, width=width, height=height) as (page, log):
        wait_stable(page)
        page.mouse.move(1, 1)
        page.screenshot(path=str(partial))
        if log.errors or log.blocked:
            partial.unlink(missing_ok=True)
            raise KGError(f"{html}: the page failed in Chromium: {(log.errors + log.blocked)[0]}")
    partial.replace(png)
    return png
