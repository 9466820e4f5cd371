"""LLM settings: off unless configured, the key kept secret, the privacy notice, ``--llm``."""

from __future__ import annotations

from typer.testing import CliRunner

from ragbot.cli import app
from ragbot.generative.llm import chat_model, is_loopback_url, privacy_notice
from ragbot.settings import Settings


def settings(**values) -> Settings:
    return Settings(_env_file=None, **values)


def test_the_extractive_answerer_stays_the_default_until_url_and_model_are_set():
    assert not settings().generative
    assert not settings(llm_base_url="http://127.0.0.1:11434/v1").generative
    assert settings(llm_base_url="http://127.0.0.1:11434/v1", llm_model="llama3.2").generative
    assert not settings(llm_base_url="http://127.0.0.1:11434/v1", llm_model="llama3.2", llm=False).generative


def test_the_api_key_is_never_printed():
    s = settings(llm_base_url="https://api.openai.com/v1", llm_model="gpt-4o-mini", llm_api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(s) and "sk-secret-123" not in str(s.model_dump())
    model = chat_model(s)
    assert "sk-secret-123" not in repr(model) and model.openai_api_key.get_secret_value() == "sk-secret-123"


def test_passages_leaving_the_machine_are_announced():
    assert is_loopback_url("http://127.0.0.1:11434/v1") and is_loopback_url("http://localhost:8080/v1") and is_loopback_url("http://[::1]:1/v1")
    assert not is_loopback_url("https://api.openai.com/v1") and not is_loopback_url("http://192.168.1.20:11434/v1")
    assert privacy_notice(settings(llm_base_url="http://127.0.0.1:11434/v1", llm_model="m")) is None
    notice = privacy_notice(settings(llm_base_url="https://api.openai.com/v1", llm_model="gpt-4o-mini"))
    assert "api.openai.com" in notice and "sent" in notice
    assert privacy_notice(settings(llm_base_url="https://api.openai.com/v1", llm_model="m", llm=False)) is None


def test_asking_for_the_llm_without_one_configured_exits_2(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("RAGBOT_LLM_BASE_URL", "RAGBOT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "store").mkdir()  # (a store that does not exist is refused first)
    result = CliRunner().invoke(app, ["ask", "what are the risks?", "--llm", "--store", str(tmp_path / "store")])
    assert result.exit_code == 2 and "RAGBOT_LLM_BASE_URL" in result.output
