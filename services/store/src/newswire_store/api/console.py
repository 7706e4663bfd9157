"""The analyst console at ``/`` and the API docs at ``/docs`` and ``/redoc``, all from assets
packaged with the store (``newswire_store/static``), so none of them needs a CDN or the network.

The pages and assets are public; the data they show comes from the API and needs its token.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent.parent / "static"
VENDOR = "static/vendor"


def add_console(app: FastAPI) -> None:
    """Serve the console and offline docs on ``app`` (created with docs_url=redoc_url=None)."""
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=True), name="static")

    @app.get("/", include_in_schema=False)
    async def console() -> FileResponse:
        return FileResponse(STATIC / "console" / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}/docs/oauth2-redirect",
            swagger_js_url=f"{root}/{VENDOR}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/{VENDOR}/swagger-ui.css",
            swagger_favicon_url=f"{root}/{VENDOR}/favicon-32x32.png",
            # No badge fetched from validator.swagger.io.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}/{VENDOR}/redoc.standalone.js",
            redoc_favicon_url=f"{root}/{VENDOR}/favicon-32x32.png",
            with_google_fonts=False,
        )
