"""Local stand-in HTTP servers for machine-translation engines (127.0.0.1 only).

Each speaks just enough of a real API for the real client code (deep-translator's, or our
own adapters') to run against it: LibreTranslate, Google's mobile page, OpenAI-compatible
chat completions, DeepL, Baidu, Microsoft.  A :class:`Behaviour` scripts latency and faults.
"""

from .baidu import BaiduHandler
from .chat_completions import ChatCompletionsHandler
from .deepl import DeepLHandler
from .google_mobile import GoogleMobileHandler
from .libretranslate import LibreTranslateHandler
from .microsoft import MicrosoftHandler
from .server import Behaviour, StandIn, closed_port_url, fake_translate

__all__ = ["BaiduHandler", "Behaviour", "ChatCompletionsHandler", "DeepLHandler",
           "GoogleMobileHandler", "LibreTranslateHandler", "MicrosoftHandler", "StandIn",
           "closed_port_url", "fake_translate"]
