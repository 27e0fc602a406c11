"""Baidu's general translation API, ``/api/trans/vip/translate`` (GET or POST, values in
the query or a form): the request signed with ``md5(appid + q + salt + appkey)``, one
result per line of ``q``, and every refusal an HTTP 200 with an ``error_code``."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

from .server import StandInHandler

PATH = "/api/trans/vip/translate"
APPID = "20261204000001"
APPKEY = "standin-appkey"
LANGUAGES = {"zh", "en", "jp", "kor", "cht", "fra", "de"}
ERRORS = {"52001": "TIMEOUT", "52002": "SYSTEM ERROR", "52003": "UNAUTHORIZED USER",
          "54001": "Invalid Sign", "54003": "Invalid Access Limit", "54004": "Insufficient balance",
          "54005": "Long query too frequent", "58001": "INVALID_TO_PARAM", "90107": "ACCESS DENIED"}
"""Error codes a :class:`~standins.Behaviour` fault may name, with Baidu's messages."""


class BaiduHandler(StandInHandler):
    def do_GET(self) -> None:
        self._translate()

    def do_POST(self) -> None:
        self._translate()

    def _values(self) -> dict[str, str]:
        url = urlsplit(self.path)
        values = {key: value[0] for key, value in parse_qs(url.query).items()}
        body = self.body()
        if body:
            values.update({key: value[0] for key, value in parse_qs(body.decode()).items()})
        return values

    def _error(self, code: str) -> None:
        self.send_json({"error_code": code, "error_msg": ERRORS[code]})

    def _translate(self) -> None:
        values = self._values()
        if urlsplit(self.path).path != PATH:
            self.send_json({"error": "not found"}, 404)
            return
        if values.get("appid") != APPID:
            self._error("52003")
            return
        q, salt = values.get("q", ""), values.get("salt", "")
        if values.get("sign") != hashlib.md5((APPID + q + salt + APPKEY).encode()).hexdigest():
            self._error("54001")
            return
        if values.get("to") not in LANGUAGES or values.get("from") not in LANGUAGES | {"auto"}:
            self._error("58001")
            return
        handled, fault = self.request_fault()
        if handled:
            return
        if fault in ERRORS:
            self._error(fault)
            return
        self.send_json({"from": values["from"], "to": values["to"], "trans_result": [
            {"src": line, "dst": self.behaviour.translate(line, fault)}
            for line in q.split("\n")]})
