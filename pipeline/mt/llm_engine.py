"""``llm``: any OpenAI-compatible ``/v1/chat/completions`` endpoint.

A local Ollama, vLLM or llama.cpp server works offline; a hosted one works with a key.  The
URL is ``--engine-url`` (or ``[engine] url``, or ``$LLM_BASE_URL``; default: Ollama on this
machine), the model ``[engine] model`` or ``$LLM_MODEL``, the key ``$LLM_API_KEY`` or
``$OPENAI_API_KEY``.  Each request carries one whole segment, the document's title as
context and the token rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..core.errors import ConfigError
from .engine_api import Translate
from .engine_errors import EngineUnavailable, Rejected
from .http_session import refusal, send
from .language_codes import language_name
from .settings import EngineSettings, KeyRoute, endpoint, key_route, secret

DEFAULT_URL = "http://127.0.0.1:11434/v1"
KEYS = ("LLM_API_KEY", "OPENAI_API_KEY")
_THINKING = re.compile(r"<think>.*?</think>\s*", re.S)
_FENCE = re.compile(r"\A```[^\n]*\n(.*)\n```\Z", re.S)

PROMPT = """\
You translate Markdown from {source} to {target}. The user message is one segment of a \
document{title}. Reply with its translation only: no explanations, no notes, no quotes \
around it.
Rules:
- Tokens like [0], [1], [2] stand for code, links and names. Copy every token exactly \
(square brackets and number), each exactly once, where it belongs in the translation.
- Keep Markdown emphasis (** * ~~) around the words it marks.
- Do not add HTML, links or text that is not in the segment."""


def model_name(settings: EngineSettings) -> str:
    """The model to ask; ConfigError if none is configured."""
    model = settings.model or secret("LLM_MODEL")
    if not model:
        raise ConfigError("engine llm needs a model: [engine] model or $LLM_MODEL")
    return model


def cache_name(settings: EngineSettings) -> str:
    """``llm:<model>``: replies of one model are not another's."""
    return f"llm:{model_name(settings)}"


def system_prompt(source: str, target: str, title: str) -> str:
    """The instructions sent with every segment."""
    return PROMPT.format(source=language_name(source), target=language_name(target),
                         title=f" titled “{title}”" if title else "")


def _content(data: Any) -> str:
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise Rejected("unexpected reply") from None
    if not isinstance(content, str):
        raise Rejected("empty reply")
    content = _THINKING.sub("", content).strip()  # reasoning models think out loud first
    fenced = _FENCE.match(content)
    return fenced.group(1) if fenced else content


def _url(settings: EngineSettings) -> tuple[str, str]:
    url, named_by = endpoint(settings, "LLM_BASE_URL", DEFAULT_URL)
    return url or DEFAULT_URL, named_by


def key_routes(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    """Where the key goes (refused over plain http to another machine)."""
    route = key_route("llm", *_url(settings), KEYS)
    return (route,) if route else ()


def connect(settings: EngineSettings, source: str, target: str) -> Translate:
    """``translate(texts, title)``: one chat completion per text."""
    model = model_name(settings)
    key_routes(settings)
    url = _url(settings)[0].rstrip("/")
    if not url.endswith("/chat/completions"):
        url += "/chat/completions"
    key = secret(*KEYS)
    headers = {"Authorization": f"Bearer {key}"} if key else {}

    def one(text: str, title: str) -> str:
        body = {"model": model, "temperature": 0, "stream": False,
                "messages": [{"role": "system", "content": system_prompt(source, target, title)},
                             {"role": "user", "content": text}]}
        response = send("POST", url, settings.timeout, json=body, headers=headers)
        if response.status_code >= 400:
            raise refusal(response.status_code, " or ".join(f"${name}" for name in KEYS))
        try:
            return _content(response.json())
        except ValueError:
            raise EngineUnavailable("unreadable reply (not JSON)") from None

    def translate(texts: Sequence[str], context: str = "") -> list[str]:
        return [one(text, context) for text in texts]

    return translate
