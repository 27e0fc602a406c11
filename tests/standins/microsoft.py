"""Microsoft Translator v3: ``GET /languages`` (no key needed) and ``POST /translate`` with
``Ocp-Apim-Subscription-Key`` (and ``-Region``) headers and a JSON list of ``{"text"}``;
refusals as HTTP 4xx with ``{"error": {"code", "message"}}``.  Language codes as the
service lists them (``zh-Hans``) and reads them: in any case."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from .server import StandInHandler

KEY = "standin-microsoft-key"
LANGUAGES = {"en": "English", "ja": "Japanese", "zh-Hans": "Chinese Simplified",
             "zh-Hant": "Chinese Traditional", "pt": "Portuguese (Brazil)",
             "pt-pt": "Portuguese (Portugal)", "de": "German"}
ERRORS = {401000: 401, 403001: 403, 400036: 400}
"""Error codes a :class:`~standins.Behaviour` fault may name (as a string), with their HTTP
status."""


class MicrosoftHandler(StandInHandler):
    def _error(self, code: int) -> None:
        self.send_json({"error": {"code": code, "message": f"stand-in error {code}"}},
                       ERRORS.get(code, code // 1000))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self.behaviour.paths.append(f"GET {url.path}")
        if url.path != "/languages" or parse_qs(url.query).get("api-version") != ["3.0"]:
            self._error(404001)
            return
        self.send_json({"translation": {code: {"name": name, "nativeName": name, "dir": "ltr"}
                                        for code, name in LANGUAGES.items()}})

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        self.behaviour.paths.append(f"POST {url.path}")
        values = parse_qs(url.query)
        body = json.loads(self.body() or b"null")
        if url.path != "/translate" or values.get("api-version") != ["3.0"]:
            self._error(404001)
            return
        if self.headers.get("Ocp-Apim-Subscription-Key") != KEY:
            self._error(401000)
            return
        self.behaviour.headers.append(dict(self.headers.items()))
        known = {code.lower() for code in LANGUAGES}
        targets = values.get("to", [])
        if not targets or any(code.lower() not in known for code in targets) \
                or values.get("from", ["en"])[0].lower() not in known:
            self._error(400036)
            return
        handled, fault = self.request_fault()
        if handled:
            return
        if fault and fault.isdigit():
            self._error(int(fault))
            return
        self.send_json([{"translations": [{"text": self.behaviour.translate(item["text"], fault),
                                           "to": target} for target in targets]}
                        for item in body])
