import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from petal_segany.golden import make_golden
from petal_segany.preprocess import foreground, zscore_positive
from petal_segany.random_init import save_random_checkpoint

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_f32(golden_dir, manifest, name):
    """What the Java test does: raw little-endian float32, C order, shape from golden.json."""
    entry = manifest["tensors"][name]
    data = np.fromfile(os.path.join(golden_dir, entry["file"]), dtype="<f4")
    assert data.size == int(np.prod(entry["shape"]))
    return torch.from_numpy(data.reshape(entry["shape"]))


@pytest.fixture(scope="module")
def golden(tmp_path_factory):
    """random_init -> convert (CLI) -> golden, with the tiny model."""
    root = tmp_path_factory.mktemp("golden")
    checkpoint = save_random_checkpoint("tiny", str(root / "tiny.pth"), seed=5, perturb=True)
    model_dir = root / "model"
    result = subprocess.run([sys.executable, "-m", "petal_segany.convert", "--checkpoint", checkpoint,
                             "--arch", "tiny", "--out", str(model_dir), "--no-verify"],
                            cwd=PYTHON_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = str(root / "golden")
    manifest = make_golden(str(model_dir), out, seed=2)
    with open(os.path.join(out, "golden.json")) as f:
        assert json.load(f) == json.loads(json.dumps(manifest))
    return str(model_dir), out, manifest


def test_golden_manifest_names_every_file_with_its_shape(golden):
    _, out, manifest = golden
    assert (manifest["byte_order"], manifest["dtype"]) == ("little", "float32")
    files = sorted(e["file"] for e in manifest["tensors"].values())
    assert files == sorted(f for f in os.listdir(out) if f.endswith(".f32"))
    assert manifest["tensors"]["input"]["shape"] == [1, 1, 128, 128, 128]
    assert manifest["tensors"]["image_embedding"]["shape"] == [1, 48, 8, 8, 8]
    assert [s["clicks"] for s in manifest["steps"]] == [1, 2, 3, 4, 5]
    labels = read_f32(out, manifest, manifest["steps"][-1]["labels"])
    assert set(labels.flatten().tolist()) == {0.0, 1.0}
    assert max(manifest["torchscript_vs_eager_max_abs_diff"].values()) <= 1e-5


def test_golden_input_is_the_raw_crop_z_scored_with_the_recorded_statistics(golden):
    _, out, manifest = golden
    raw = read_f32(out, manifest, "raw_input")
    z = zscore_positive(raw)
    assert z.mean == manifest["normalisation"]["mean"] and z.std == manifest["normalisation"]["std"]
    assert z.positive_voxels == manifest["normalisation"]["positive_voxels"]
    assert torch.equal(z.normalised, read_f32(out, manifest, "input"))


@torch.inference_mode()
def test_golden_click_steps_replay_with_the_exported_files(golden):
    model_dir, out, manifest = golden
    encoder = torch.jit.load(os.path.join(model_dir, "encoder.pt"))
    decoder = torch.jit.load(os.path.join(model_dir, "decoder.pt"))
    embedding = encoder(read_f32(out, manifest, "input"))
    assert torch.equal(embedding, read_f32(out, manifest, "image_embedding"))
    for step in manifest["steps"]:
        prev_name = step["prev_low_res_logits"]
        prev = torch.zeros(1, 1, 32, 32, 32) if prev_name == "zeros" else read_f32(out, manifest, prev_name)
        points = read_f32(out, manifest, step["points"])
        assert points.shape == (1, step["clicks"], 3)
        logits = decoder(embedding, points, read_f32(out, manifest, step["labels"]), prev)
        assert torch.equal(logits, read_f32(out, manifest, step["low_res_logits"]))
        assert int(foreground(logits).sum()) == step["mask_voxels"]
    assert manifest["last_step_mask_voxels"] == manifest["steps"][-1]["mask_voxels"]
