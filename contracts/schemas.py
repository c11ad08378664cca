"""Write or check one JSON Schema per message model in contracts/schemas/."""

import argparse
import json
import sys
from pathlib import Path

from contracts.registry import MODELS

SCHEMA_DIR = Path(__file__).with_name("schemas")


def rendered() -> dict[str, str]:
    """File name to JSON Schema text, for every registered model."""
    return {
        f"{model.__name__}.json": json.dumps(
            model.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
        for model in MODELS
    }


def drifted(directory: Path | None = None) -> list[str]:
    """Names of schema files that are missing, stale or left over."""
    directory = directory or SCHEMA_DIR
    expected = rendered()
    present = {path.name for path in directory.glob("*.json")}
    stale = [
        name
        for name, text in expected.items()
        if name not in present or (directory / name).read_text("utf-8") != text
    ]
    return sorted(stale + sorted(present - expected.keys()))


def write(directory: Path | None = None) -> None:
    """Regenerate every schema file and delete those of removed models."""
    directory = directory or SCHEMA_DIR
    directory.mkdir(exist_ok=True)
    expected = rendered()
    for path in directory.glob("*.json"):
        if path.name not in expected:
            path.unlink()
    for name, text in expected.items():
        (directory / name).write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m contracts.schemas [--check]`."""
    parser = argparse.ArgumentParser(prog="python -m contracts.schemas")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if files differ from the models"
    )
    args = parser.parse_args(argv)
    if not args.check:
        write()
        return 0
    stale = drifted()
    for name in stale:
        print(f"schema drifted: contracts/schemas/{name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
