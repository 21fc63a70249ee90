#!/usr/bin/env python3
"""Loads pages in one headless Chromium and writes each page's DOM, as `chromium --dump-dom`.

    dump_dom.py --chromium PATH [--budget MS] [--timeout S] OUT_DIR NAME=URL...

Writes OUT_DIR/NAME.dom for every page: the serialized document once the page's virtual time
budget has run out (default 20 000 ms), as `--virtual-time-budget=MS --dump-dom` would print
it, and OUT_DIR/NAME.error instead when the page could not be loaded or timed out in real time.
Exits 0 when the browser ran (a page that failed is the caller's to report), 1 when the browser
could not be started or died, 2 on bad usage.

Why: tests/docs/check_docs.sh checks some forty pages. Starting Chromium for each took about
2 s of the 2.5 s a page cost; one browser that opens each page in a new tab takes a fraction of
that. It speaks the DevTools protocol over a pipe (`--remote-debugging-pipe`: commands on file
descriptor 3, replies on 4, each a JSON object ended by a NUL byte), so it needs nothing beyond
Python's standard library. Virtual time, as with --virtual-time-budget, advances only while the
page is idle, so a slow machine does not trip the page's own timers (page-check.js gives MathJax
8 s).
"""
import argparse
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time


class BrowserError(Exception):
    pass


class Browser:
    """One headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="descent-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Copies numbered 10 or more, out of the way of 3 and 4, which the child's ends become.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)

        def child_fds():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + self.profile,
                "--remote-debugging-pipe", "about:blank"]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        preexec_fn=child_fds, pass_fds=(3, 4))
        for fd in {to_browser_r, from_browser_w, high_r, high_w}:
            os.close(fd)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def close(self):
        try:
            self.send("Browser.close", wait=False)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.from_browser], [], [], min(left, 1.0))
            if not ready:
                if self.process.poll() is not None:
                    raise BrowserError("chromium exited with status %d" % self.process.returncode)
                continue
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, wait=True, timeout=60.0):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        except OSError as e:
            self.process.poll()
            status = self.process.returncode
            raise BrowserError("chromium is not listening on its DevTools pipe (%s%s)" % (
                e.strerror, "" if status is None else ", it exited with status %d" % status))
        if not wait:
            return None
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError("%s: %s" % (method, reply["error"].get("message")))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session, timeout):
        deadline = time.monotonic() + timeout
        while True:
            for k, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self.events[k]
                    return event
            event = self._read_message(deadline)
            if "method" in event:
                self.events.append(event)

    def dump(self, url, budget_ms, timeout):
        """The DOM of `url` once `budget_ms` of virtual time has passed; TimeoutError when
        that takes more than `timeout` seconds of real time."""
        deadline = time.monotonic() + timeout

        def left():
            return max(deadline - time.monotonic(), 0.001)

        target = self.send("Target.createTarget", {"url": "about:blank"},
                           timeout=left())["targetId"]
        try:
            session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                timeout=left())["sessionId"]
            # As --virtual-time-budget: the budget starts once the page is loading, and virtual
            # time stands still while a file is being fetched. (Set before the navigation, with
            # waitForNavigation, the budget of every second tab ran out on the blank page.)
            self.send("Page.navigate", {"url": url}, session, timeout=left())
            self.send("Emulation.setVirtualTimePolicy",
                      {"policy": "pauseIfNetworkFetchesPending", "budget": budget_ms}, session,
                      timeout=left())
            self.wait_event("Emulation.virtualTimeBudgetExpired", session, left())
            result = self.send("Runtime.evaluate",
                               {"expression": "document.documentElement.outerHTML",
                                "returnByValue": True}, session, timeout=left())
            return result["result"].get("value", "")
        finally:
            # Not waited for: a tab whose script never ends would hold the answer back.
            self.send("Target.closeTarget", {"targetId": target}, wait=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--budget", type=int, default=20000, help="virtual time per page, ms")
    parser.add_argument("--timeout", type=float, default=120, help="real time per page, s")
    parser.add_argument("out_dir")
    parser.add_argument("pages", nargs="+", metavar="NAME=URL")
    args = parser.parse_args()
    pages = []
    for spec in args.pages:
        name, sep, url = spec.partition("=")
        if not sep or not name or not url or "/" in name:
            print("dump_dom: %r: allowed: NAME=URL, NAME without '/'" % spec, file=sys.stderr)
            return 2
        pages.append((name, url))
    if not os.path.isdir(args.out_dir):
        print("dump_dom: no directory %s" % args.out_dir, file=sys.stderr)
        return 2
    if shutil.which(args.chromium) is None:
        print("dump_dom: no browser '%s'" % args.chromium, file=sys.stderr)
        return 2

    browser = Browser(args.chromium)
    try:
        for name, url in pages:
            try:
                dom = browser.dump(url, args.budget, args.timeout)
            except TimeoutError:
                with open(os.path.join(args.out_dir, name + ".error"), "w") as f:
                    f.write("no answer from chromium within %g s\n" % args.timeout)
                continue
            except BrowserError as e:
                if browser.process.poll() is not None:
                    raise
                with open(os.path.join(args.out_dir, name + ".error"), "w") as f:
                    f.write(str(e) + "\n")
                continue
            with open(os.path.join(args.out_dir, name + ".dom"), "w", encoding="utf-8") as f:
                f.write(dom)
    except BrowserError as e:
        print("dump_dom: %s" % e, file=sys.stderr)
        return 1
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
