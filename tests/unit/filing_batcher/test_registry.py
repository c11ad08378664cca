import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.filing_batcher import registry
from services.filing_batcher.domain.errors import UnknownPlaintiffError
from services.filing_batcher.domain.plaintiffs import Plaintiff, load_plaintiffs


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    courts = [{"id": "t1-c0", "code": "京0105", "name": "测试法院", "region": "北京市"}]
    plaintiffs = [
        {
            "id": "t1-p0",
            "name": "测试贷款有限公司",
            "credit_code": "91110105MA01TEXT0X",
            "representative": "王某",
            "address": "北京市朝阳区某路1号",
        }
    ]
    (tmp_path / "c.json").write_text(json.dumps(courts, ensure_ascii=False))
    (tmp_path / "p.json").write_text(json.dumps(plaintiffs, ensure_ascii=False))
    monkeypatch.setenv(registry.COURT_REGISTRY_ENV, str(tmp_path / "c.json"))
    monkeypatch.setenv(registry.PLAINTIFF_REGISTRY_ENV, str(tmp_path / "p.json"))
    registry.courts.cache_clear()
    registry.plaintiffs.cache_clear()
    yield tmp_path
    registry.courts.cache_clear()
    registry.plaintiffs.cache_clear()


def test_courts_from_the_registry_file_join_the_packaged_ones(files: Path) -> None:
    courts = registry.courts()

    assert courts.by_id("t1-c0").code == "京0105"
    assert courts.by_id("cn-310115").code == "沪0115"


def test_plaintiffs_from_the_registry_file_join_the_packaged_ones(files: Path) -> None:
    plaintiffs = registry.plaintiffs()

    assert plaintiffs.by_id("t1-p0").representative == "王某"
    assert plaintiffs.by_id("acme").name


def test_unregistered_plaintiff_cannot_be_named_in_a_complaint() -> None:
    with pytest.raises(UnknownPlaintiffError):
        load_plaintiffs().by_id("nobody")


def test_plaintiff_with_a_malformed_credit_code_is_refused() -> None:
    with pytest.raises(ValueError, match="credit code"):
        Plaintiff("t1-p0", "某公司", "91110105MA01TEST0X", "王某", "某地")


def test_demo_platforms_are_registered() -> None:
    for platform in ("qianhai-credit", "jinxin-loans", "yunfei-finance"):
        assert load_plaintiffs().by_id(platform).credit_code
