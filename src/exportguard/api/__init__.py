"""The HTTP API: the yente protocol, the Reconciliation Service API and exportguard's own
endpoints over the same store and engine as the CLI. ``exportguard.api.app.create_app()`` builds
the ASGI app (imported from there, so that the CLI does not load the web stack to print help)."""
