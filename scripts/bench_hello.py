"""The hello-world FastAPI app that scripts/benchmark_api.py serves next to Claimtrail, under
the same uvicorn settings, as the ceiling a list endpoint is compared with."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"hello": "world"}
