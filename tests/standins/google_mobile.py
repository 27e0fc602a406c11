"""Google Translate's mobile page, ``GET /m?sl=..&tl=..&q=..``, as deep-translator's
GoogleTranslator scrapes it: the translation in ``<div class="result-container">``."""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlsplit

from .server import StandInHandler

PAGE = ('<!DOCTYPE html><html><head><title>Google Translate</title></head><body>'
        '<div class="header">Translate</div>'
        '<div class="result-container">{}</div></body></html>')


class GoogleMobileHandler(StandInHandler):
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        values = parse_qs(url.query)
        if url.path.rstrip("/") != "/m" or "q" not in values:
            self.send(404, b"<html>Not found</html>", "text/html")
            return
        handled, fault = self.request_fault()
        if handled:
            return
        reply = self.behaviour.translate(values["q"][0], fault)
        self.send(200, PAGE.format(html.escape(reply, quote=False)).encode(),
                  "text/html; charset=utf-8")
