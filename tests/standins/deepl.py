"""DeepL's ``POST /v2/translate``: header authentication, a list of texts per request."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from .server import StandInHandler

KEY = "standin-key:fx"


class DeepLHandler(StandInHandler):
    def do_POST(self) -> None:
        request = json.loads(self.body() or b"{}")
        if urlsplit(self.path).path != "/v2/translate":
            self.send_json({"message": "not found"}, 404)
            return
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
            self.send_json({"message": "Wrong endpoint or authorization"}, 403)
            return
        handled, fault = self.request_fault()
        if handled:
            return
        self.send_json({"translations": [
            {"detected_source_language": "ZH", "text": self.behaviour.translate(text, fault)}
            for text in request.get("text", [])]})
