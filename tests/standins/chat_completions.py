"""An OpenAI-compatible ``POST /v1/chat/completions``: translates the last user message and
keeps the system prompts it was sent."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from .server import StandInHandler


class ChatCompletionsHandler(StandInHandler):
    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/v1/chat/completions":
            self.send_json({"error": {"message": "not found"}}, 404)
            return
        request = json.loads(self.body() or b"{}")
        handled, fault = self.request_fault()
        if handled:
            return
        messages = request.get("messages", [])
        if not request.get("model") or not messages:
            self.send_json({"error": {"message": "model and messages are required"}}, 400)
            return
        with self.behaviour.lock:
            self.behaviour.prompts += [m["content"] for m in messages if m["role"] == "system"]
        text = next(m["content"] for m in reversed(messages) if m["role"] == "user")
        content = self.behaviour.translate(text, fault)
        self.send_json({"id": "chatcmpl-standin", "object": "chat.completion",
                        "model": request["model"],
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": content}}]})
