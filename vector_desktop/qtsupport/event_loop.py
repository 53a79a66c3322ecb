"""The app's asyncio loop: qasync on the GUI thread, plus the asyncgen hooks qasync 0.28 forgets to install.

Without the hooks, async generators closed early (httpx streams) warn "no running event loop" at shutdown.
"""

from __future__ import annotations

import sys

import qasync


class HookedQEventLoop(qasync.QEventLoop):
    def run_forever(self) -> None:  # type: ignore[override]
        old = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook, finalizer=self._asyncgen_finalizer_hook)
        try:
            super().run_forever()
        finally:
            sys.set_asyncgen_hooks(*old)
