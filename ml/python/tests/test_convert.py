import argparse
import fractions
import json
import os
import subprocess
import sys
from collections import OrderedDict

import pytest
import torch

from petal_segany import convert
from petal_segany.checkpoint import BOX_EMBEDDING_KEYS, sha256_of
from petal_segany.export import load_eager_from_export

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tiny_state(tiny_model):
    return OrderedDict((k, v.clone()) for k, v in tiny_model.state_dict().items())


def save(obj, tmp_path, name="ckpt.pth"):
    path = str(tmp_path / name)
    torch.save(obj, path)
    return path


def run_convert(path, out, *extra):
    return convert.main(["--checkpoint", path, "--arch", "tiny", "--out", str(out), *extra])


LAYOUTS = {
    "raw state dict": lambda s: s,
    "model_state_dict": lambda s: {"model_state_dict": s, "epoch": 3},
    "state_dict": lambda s: {"state_dict": s},
    "module. prefix": lambda s: {"model_state_dict": OrderedDict(("module." + k, v) for k, v in s.items())},
    "raw with module. prefix": lambda s: OrderedDict(("module." + k, v) for k, v in s.items()),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_random_init_checkpoint_converts_in_each_container_layout(layout, tiny_model, tmp_path):
    path = save(LAYOUTS[layout](tiny_state(tiny_model)), tmp_path)
    assert run_convert(path, tmp_path / "out", "--no-verify") == 0
    assert sorted(os.listdir(tmp_path / "out")) == ["decoder.pt", "encoder.pt", "model-info.json"]
    rebuilt = load_eager_from_export(str(tmp_path / "out"))
    for key, value in tiny_model.state_dict().items():
        assert torch.equal(rebuilt.state_dict()[key], value), key


def test_training_checkpoint_with_argparse_namespace_loads_without_trusting_pickle(tiny_model, tmp_path):
    checkpoint = {"epoch": 7, "model_state_dict": tiny_state(tiny_model),
                  "optimizer_state_dict": {"state": {0: {"step": torch.tensor(3.0)}}, "param_groups": [{"lr": 8e-4}]},
                  "lr_scheduler_state_dict": {"milestones": {120: 1, 180: 1}, "gamma": 0.1},
                  "losses": [0.5, 0.4], "dices": [0.1], "best_loss": 0.4, "best_dice": 0.1,
                  "args": argparse.Namespace(model_type="vit_b_ori", lr=8e-4, multi_click=False),
                  "used_datas": ["a/b.nii.gz"]}
    path = save(checkpoint, tmp_path)
    with pytest.raises(Exception):
        torch.load(path, map_location="cpu", weights_only=True)
    assert run_convert(path, tmp_path / "out", "--no-verify") == 0


def test_checkpoint_with_a_foreign_pickled_object_is_refused_unless_trusted(tiny_model, tmp_path, capsys):
    path = save({"model_state_dict": tiny_state(tiny_model), "extra": fractions.Fraction(1, 3)}, tmp_path)
    assert run_convert(path, tmp_path / "refused", "--no-verify") == convert.EXIT_UNREADABLE
    assert "fractions.Fraction" in capsys.readouterr().err
    assert not (tmp_path / "refused").exists()
    assert run_convert(path, tmp_path / "trusted", "--no-verify", "--trust-checkpoint") == 0


def refused_report(state, tmp_path, capsys, *extra):
    path = save({"model_state_dict": state}, tmp_path)
    code = run_convert(path, tmp_path / "out", "--no-verify", *extra)
    err = capsys.readouterr().err
    assert code == convert.EXIT_MISMATCH
    assert not (tmp_path / "out").exists()
    assert "refusing to export" in err
    return err


def test_a_missing_key_is_reported_and_nothing_is_exported(tiny_model, tmp_path, capsys):
    state = tiny_state(tiny_model)
    del state["image_encoder.blocks.0.attn.rel_pos_h"]
    err = refused_report(state, tmp_path, capsys)
    assert "missing keys (1):" in err
    assert "image_encoder.blocks.0.attn.rel_pos_h  expected [27, 24]" in err


def test_an_extra_key_is_reported_and_nothing_is_exported(tiny_model, tmp_path, capsys):
    state = tiny_state(tiny_model)
    state["image_encoder.blocks.0.attn.extra_bias"] = torch.zeros(5)
    err = refused_report(state, tmp_path, capsys)
    assert "unexpected keys (1):" in err
    assert "image_encoder.blocks.0.attn.extra_bias  [5]" in err


def test_a_wrong_shape_is_reported_and_nothing_is_exported(tiny_model, tmp_path, capsys):
    state = tiny_state(tiny_model)
    state["image_encoder.pos_embed"] = torch.zeros(1, 16, 16, 16, 48)
    err = refused_report(state, tmp_path, capsys)
    assert "shape mismatches (1):" in err
    assert "image_encoder.pos_embed  checkpoint [1, 16, 16, 16, 48]  expected [1, 8, 8, 8, 48]" in err
    assert "another crop or patch size" in err


def test_bbox_checkpoint_box_embeddings_are_unexpected_keys_with_a_hint(tiny_model, tmp_path, capsys):
    state = tiny_state(tiny_model)
    for key in BOX_EMBEDDING_KEYS:
        state[key] = torch.zeros(1, 48)
    err = refused_report(state, tmp_path, capsys)
    assert "unexpected keys (2):" in err
    assert "box-corner embeddings" in err and "--drop-box-embeddings" in err
    path = save({"model_state_dict": state}, tmp_path, "bbox.pth")
    assert run_convert(path, tmp_path / "dropped", "--no-verify", "--drop-box-embeddings") == 0
    info = json.loads((tmp_path / "dropped" / "model-info.json").read_text())
    assert any("dropped box-corner embeddings" in n for n in info["source"]["notes"])


def test_a_checkpoint_of_another_size_names_the_size_it_matches(small_model, tmp_path, capsys):
    err = refused_report(OrderedDict(small_model.state_dict()), tmp_path, capsys)
    assert "matches --arch small exactly" in err


def test_a_file_without_a_state_dict_is_unreadable(tmp_path, capsys):
    path = save({"weights": [1, 2, 3]}, tmp_path)
    assert run_convert(path, tmp_path / "out") == convert.EXIT_UNREADABLE
    assert "top-level keys are: 'weights'" in capsys.readouterr().err


def test_converter_cli_verifies_the_export_and_records_the_checkpoint(tiny_model, tmp_path):
    path = save({"model_state_dict": tiny_state(tiny_model)}, tmp_path, "tiny-official.pth")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "petal_segany.convert", "--checkpoint", path, "--arch", "tiny",
                             "--out", str(out)], cwd=PYTHON_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "verified: encoder max |diff|" in result.stderr
    info = json.loads((out / "model-info.json").read_text())
    assert info["source"]["checkpoint_file"] == "tiny-official.pth"
    assert info["source"]["checkpoint_sha256"] == sha256_of(path)
    assert info["export_check"]["decoder_max_abs_diff"] <= 1e-5
    assert info["files"]["encoder.pt"]["sha256"] == sha256_of(str(out / "encoder.pt"))


def test_converter_cli_exits_2_on_a_mismatch(tiny_model, tmp_path):
    state = tiny_state(tiny_model)
    del state["mask_decoder.iou_token.weight"]
    path = save(state, tmp_path)
    result = subprocess.run([sys.executable, "-m", "petal_segany.convert", "--checkpoint", path, "--arch", "tiny",
                             "--out", str(tmp_path / "out")], cwd=PYTHON_DIR, capture_output=True, text=True)
    assert result.returncode == 2
    assert "mask_decoder.iou_token.weight  expected [1, 48]" in result.stderr


def test_random_init_writes_the_official_container_layout(tmp_path):
    result = subprocess.run([sys.executable, "-m", "petal_segany.random_init", "--arch", "tiny", "--out",
                             str(tmp_path), "--seed", "3"], cwd=PYTHON_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    path = result.stdout.strip()
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    assert list(checkpoint) == ["model_state_dict"]
    assert len(checkpoint["model_state_dict"]) == 174
