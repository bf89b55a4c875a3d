"""Golden tensors for the Java (DJL) parity test, produced with the exported TorchScript files.

    /usr/bin/python3 -m petal_segany.golden --model-dir DIR --out GOLDEN_DIR [--seed S]

Writes raw little-endian float32 files (*.f32, C order: the last dim varies fastest) and golden.json,
which names every tensor with its file and shape. Contents:
  raw_input        (1,1,128,128,128) synthetic PET-like crop in Bq/mL: zero padding slab, negative and
                   positive air noise, body, liver, three hot lesions
  input            the same crop z-scored by the rule in model-info.json (mean/std recorded in golden.json)
  image_embedding  encoder.pt(input)
  step k (k = 1..5 clicks, accumulated, mixed include/exclude): points (1,k,3), labels (1,k),
                   low_res_logits (1,1,32,32,32); step 1 is fed zeros, step k>1 the logits of step k-1
                   (spec §4.1); plus the count of upsampled (trilinear, align_corners=False) logits > 0.
Every TorchScript output is also checked against eager PyTorch rebuilt from the same files (1e-5).
"""
import argparse
import json
import os
import sys
from typing import Dict, List, Tuple

import numpy as np
import torch

from .export import (DECODER_FILE, ENCODER_FILE, PARITY_TOLERANCE, load_eager_from_export,
                     read_model_info)
from .model import PromptDecoder
from .preprocess import NORMALISATION_RULE, THRESHOLD_RULE, upsample_logits, zscore_positive

GOLDEN_FORMAT = "petal-segany-golden"
GOLDEN_VERSION = 1
BQML_PER_SUV = 5000.0


def synthetic_pet_crop(size: int = 128, seed: int = 0) -> Tuple[np.ndarray, List[Dict]]:
    """A deterministic PET-like crop in Bq/mL and the lesions in it ((i, j, k) centre, radius, SUV).

    numpy's legacy RandomState is used because its streams are stable across numpy versions."""
    rs = np.random.RandomState(seed)
    i, j, k = np.meshgrid(*(np.arange(size, dtype=np.float64),) * 3, indexing="ij")
    c = size / 2
    body = ((i - c) / (0.42 * size)) ** 2 + ((j - c) / (0.30 * size)) ** 2 + ((k - c) / (0.60 * size)) ** 2 < 1
    suv = np.where(body, 1.0, 0.0)
    liver = body & (((i - 0.38 * size) / (0.16 * size)) ** 2 + ((j - 0.55 * size) / (0.12 * size)) ** 2
                    + ((k - 0.45 * size) / (0.20 * size)) ** 2 < 1)
    suv = np.where(liver, 2.2, suv)
    lesions = []
    for radius, peak in ((6.0, 9.0), (4.0, 6.0), (8.0, 4.5)):
        centre = tuple(int(v) for v in rs.randint(int(0.3 * size), int(0.7 * size), size=3))
        lesions.append({"centre": centre, "radius": radius, "suv": peak})
        r2 = (i - centre[0]) ** 2 + (j - centre[1]) ** 2 + (k - centre[2]) ** 2
        suv = suv + (peak - 1.0) * np.exp(-r2 / (2 * (radius / 1.5) ** 2)) * body
    noise = rs.normal(0.0, 1.0, size=suv.shape)
    bqml = suv * BQML_PER_SUV * (1 + 0.15 * noise * body) + np.where(body, 0.0, 40.0 * noise)
    bqml[int(0.92 * size):, :, :] = 0.0  # a CropOrPad zero slab beyond the volume edge
    return bqml.astype(np.float32), lesions


def click_sequence(lesions: List[Dict], size: int) -> Tuple[List[List[float]], List[float]]:
    """Five clicks: include the first lesion, exclude the second, include its rim, exclude background,
    include the first lesion again off-centre."""
    l0, l1 = (np.array(x["centre"], dtype=float) for x in lesions[:2])
    points = [l0, l1, l0 + np.array([lesions[0]["radius"] - 1, 0, 0]), np.array([size / 2, 20.0, size / 2]),
              l0 + np.array([0, -2, 2])]
    labels = [1.0, 0.0, 1.0, 0.0, 1.0]
    return [[float(v) for v in p] for p in points], labels


class GoldenWriter:
    def __init__(self, out_dir: str):
        self.out_dir = out_dir
        self.tensors: Dict[str, Dict] = {}
        os.makedirs(out_dir, exist_ok=True)

    def write(self, name: str, tensor) -> str:
        array = np.ascontiguousarray(np.asarray(tensor, dtype=np.float32))
        file = f"{name}.f32"
        array.astype("<f4").tofile(os.path.join(self.out_dir, file))
        self.tensors[name] = {"file": file, "shape": list(array.shape)}
        return name


def _max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    return (a - b).abs().max().item()


@torch.inference_mode()
def make_golden(model_dir: str, out_dir: str, seed: int = 0) -> Dict:
    info = read_model_info(model_dir)
    size = info["config"]["img_size"]
    encoder = torch.jit.load(os.path.join(model_dir, ENCODER_FILE))
    decoder = torch.jit.load(os.path.join(model_dir, DECODER_FILE))
    eager = load_eager_from_export(model_dir, info)
    eager_decoder = PromptDecoder(eager.prompt_encoder, eager.mask_decoder)
    writer = GoldenWriter(out_dir)

    raw, lesions = synthetic_pet_crop(size, seed)
    z = zscore_positive(raw)
    image = z.normalised.reshape(1, 1, size, size, size)
    writer.write("raw_input", raw.reshape(1, 1, size, size, size))
    writer.write("input", image)

    embedding = encoder(image)
    parity = {"image_embedding": _max_diff(embedding, eager.image_encoder(image))}
    writer.write("image_embedding", embedding)

    points_all, labels_all = click_sequence(lesions, size)
    m = info["config"]["low_res_size"]
    prev = torch.zeros((1, 1, m, m, m))
    steps = []
    for n in range(1, len(points_all) + 1):
        points = torch.tensor([points_all[:n]], dtype=torch.float32)
        labels = torch.tensor([labels_all[:n]], dtype=torch.float32)
        logits = decoder(embedding, points, labels, prev)
        parity[f"step{n}_low_res_logits"] = _max_diff(logits, eager_decoder(embedding, points, labels, prev))
        upsampled = upsample_logits(logits, size)
        steps.append({
            "clicks": n,
            "points": writer.write(f"step{n}_points", points),
            "labels": writer.write(f"step{n}_labels", labels),
            "prev_low_res_logits": "zeros" if n == 1 else f"step{n - 1}_low_res_logits",
            "low_res_logits": writer.write(f"step{n}_low_res_logits", logits),
            "mask_voxels": int((upsampled > 0).sum().item()),
            # Voxels whose class may flip under float noise: slack for the Java mask-count check.
            "near_threshold_voxels": {"abs_logit_below_1e-5": int((upsampled.abs() < 1e-5).sum().item()),
                                      "abs_logit_below_1e-4": int((upsampled.abs() < 1e-4).sum().item())},
        })
        prev = logits
    worst = max(parity.values())
    if worst > PARITY_TOLERANCE:
        raise RuntimeError(f"TorchScript differs from eager by {worst:.3g} > {PARITY_TOLERANCE}: {parity}")

    manifest = {
        "format": GOLDEN_FORMAT,
        "format_version": GOLDEN_VERSION,
        "byte_order": "little",
        "dtype": "float32",
        "layout": "C order (row-major): the last dim varies fastest; for (1,1,X,Y,Z) flat index = "
                  "(i*Y + j)*Z + k, unlike Petal volumes (i fastest)",
        "model": {"architecture": info["architecture"], "files": info["files"],
                  "source": info.get("source"), "exported_with_torch": info.get("torch_version")},
        "generated_with_torch": torch.__version__,
        "seed": seed,
        "synthetic_input": {"units": "Bq/mL", "bqml_per_suv": BQML_PER_SUV, "lesions": lesions},
        "normalisation": {"rule": NORMALISATION_RULE, "mean": z.mean, "std": z.std,
                          "positive_voxels": z.positive_voxels,
                          "arithmetic": "float64 statistics; (x - mean) / std in float64, then rounded "
                                        "to float32"},
        "threshold": THRESHOLD_RULE,
        "tensors": writer.tensors,
        "steps": steps,
        "last_step_mask_voxels": steps[-1]["mask_voxels"],
        "torchscript_vs_eager_max_abs_diff": parity,
    }
    with open(os.path.join(out_dir, "golden.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return manifest


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m petal_segany.golden", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model-dir", required=True, help="output of petal_segany.convert (or export())")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    manifest = make_golden(a.model_dir, a.out, a.seed)
    for s in manifest["steps"]:
        print(f"{s['clicks']} click(s): {s['mask_voxels']} voxels > 0 at 128³", file=sys.stderr)
    print(f"wrote {len(manifest['tensors'])} tensors and golden.json to {a.out}; TorchScript vs eager max "
          f"|diff| {max(manifest['torchscript_vs_eager_max_abs_diff'].values()):.2e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
