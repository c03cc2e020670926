"""`newslint serve`: the HTTP JSON service and paste page (needs the `serve` extra: Starlette, uvicorn)."""
