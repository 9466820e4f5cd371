"""The browser chat page (Gradio): ``build_app(bot)`` builds it, ``serve(bot, ...)`` runs it."""
