"""HTTP routers: thin, one module per URL collection."""
