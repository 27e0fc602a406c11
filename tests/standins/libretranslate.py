"""LibreTranslate: ``POST /translate`` (JSON, form or query values; ``q`` a string or a
list) answering ``{"translatedText": ...}``, and ``GET /languages``."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .server import StandInHandler

LANGUAGES = ["en", "zh", "ja", "de", "fr", "es", "ru", "ko"]


def _single(values: dict[str, list[str]]) -> dict[str, Any]:
    return {key: value[0] if len(value) == 1 else value for key, value in values.items()}


class LibreTranslateHandler(StandInHandler):
    def do_GET(self) -> None:
        if urlsplit(self.path).path.rstrip("/") != "/languages":
            self.send_json({"error": "Not found"}, 404)
            return
        self.send_json([{"code": code, "name": code, "targets": LANGUAGES}
                        for code in LANGUAGES])

    def _values(self) -> dict[str, Any]:
        url = urlsplit(self.path)
        values = _single(parse_qs(url.query))
        body = self.body()
        kind = self.headers.get("Content-Type", "")
        if kind.startswith("application/json") and body:
            values.update(json.loads(body))
        elif body:
            values.update(_single(parse_qs(body.decode())))
        return values

    def do_POST(self) -> None:
        if urlsplit(self.path).path.rstrip("/") != "/translate":
            self.send_json({"error": "Not found"}, 404)
            return
        values = self._values()
        handled, fault = self.request_fault()
        if handled:
            return
        if "q" not in values or values.get("target") not in LANGUAGES:
            self.send_json({"error": "Invalid request: missing q or bad target"}, 400)
            return
        q = values["q"]
        if isinstance(q, list):
            self.send_json({"translatedText": [self.behaviour.translate(t, fault) for t in q]})
        else:
            self.send_json({"translatedText": self.behaviour.translate(q, fault)})
