"""TorchScript export for DJL: encoder.pt, decoder.pt and model-info.json (used by convert and training).

Both files come from torch.jit.script, not trace, so the click count N stays a real dynamic dimension.
"""
import datetime
import json
import os
from typing import Dict, List, Optional, Tuple

import torch
from torch import Tensor

from .checkpoint import sha256_of
from .config import SegAnyConfig
from .model import EncoderForExport, PromptDecoder, SegAny3D, state_dict_summary
from .preprocess import NORMALISATION_RULE, THRESHOLD_RULE

MODEL_INFO_FORMAT = "petal-segany-model-info"
MODEL_INFO_VERSION = 1
ENCODER_FILE = "encoder.pt"
DECODER_FILE = "decoder.pt"
MODEL_INFO_FILE = "model-info.json"
SPACING_MM = 1.5
# Scripted and eager run the same kernels; this only absorbs summation-order noise.
PARITY_TOLERANCE = 1e-5
VERIFY_CLICK_COUNTS = (1, 2, 5, 10)


def io_contract(cfg: SegAnyConfig) -> Dict:
    s, g, m, c = cfg.img_size, cfg.grid_size, cfg.low_res_size, cfg.prompt_embed_dim
    return {
        ENCODER_FILE: {
            "inputs": [{"name": "image", "shape": [1, 1, s, s, s], "dtype": "float32",
                        "meaning": "z-scored crop, tensor dims = crop voxel axes (i, j, k)"}],
            "outputs": [{"name": "image_embedding", "shape": [1, c, g, g, g], "dtype": "float32"}],
        },
        DECODER_FILE: {
            "inputs": [
                {"name": "image_embedding", "shape": [1, c, g, g, g], "dtype": "float32"},
                {"name": "points", "shape": [1, "N", 3], "dtype": "float32",
                 "meaning": "click voxel indices in the crop, (i, j, k) = image tensor dims 2, 3, 4; N >= 1"},
                {"name": "labels", "shape": [1, "N"], "dtype": "float32",
                 "meaning": "1 = include (positive), 0 = exclude (negative); int64/int32 also accepted"},
                {"name": "prev_low_res_logits", "shape": [1, 1, m, m, m], "dtype": "float32",
                 "meaning": "raw low-res logits of the previous click step; all zeros for the first click"},
            ],
            "outputs": [{"name": "low_res_logits", "shape": [1, 1, m, m, m], "dtype": "float32",
                         "meaning": "mask logits (multimask_output=False, channel 0)"}],
        },
    }


def model_info(model: SegAny3D, source_info: Dict, files: Dict[str, str]) -> Dict:
    cfg = model.config
    return {
        "format": MODEL_INFO_FORMAT,
        "format_version": MODEL_INFO_VERSION,
        "architecture": cfg.name,
        "config": cfg.to_json_dict(),
        "parameter_count": state_dict_summary(model.state_dict()),
        "patch": cfg.img_size,
        "spacing_mm": SPACING_MM,
        "axis_order": "tensor dims (2, 3, 4) of the image and the point components (0, 1, 2) are the crop's "
                      "voxel axes (i, j, k), i.e. NIfTI index order; float buffers are C-order (last dim "
                      "fastest)",
        "normalisation": NORMALISATION_RULE,
        "threshold": THRESHOLD_RULE,
        "label_dtype": "float32",
        "labels": {"1": "include (positive)", "0": "exclude (negative)"},
        "mask_prompt": "feed back the previous step's low_res_logits; zeros at the first click",
        "iou_head": "not exported: it was never trained",
        "io": io_contract(cfg),
        "files": {name: {"sha256": digest} for name, digest in files.items()},
        "export_method": "torch.jit.script",
        "source": source_info,
        "torch_version": torch.__version__,
        "exported_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }


def random_clicks(n: int, size: int, gen: torch.Generator) -> Tuple[Tensor, Tensor]:
    points = torch.randint(0, size, (1, n, 3), generator=gen).to(torch.float32)
    labels = torch.randint(0, 2, (1, n), generator=gen).to(torch.float32)
    labels[0, 0] = 1.0
    return points, labels


@torch.inference_mode()
def verify_export(model: SegAny3D, out_dir: str, seed: int = 0,
                  click_counts=VERIFY_CLICK_COUNTS) -> Dict:
    """Loads the saved files and compares them with the eager model on a random crop and click runs of
    N = 1, 2, 5, 10 (twice, so the profiling executor's optimised graph is checked too)."""
    cfg = model.config
    encoder = torch.jit.load(os.path.join(out_dir, ENCODER_FILE))
    decoder = torch.jit.load(os.path.join(out_dir, DECODER_FILE))
    gen = torch.Generator().manual_seed(seed)
    image = torch.randn((1, 1, cfg.img_size, cfg.img_size, cfg.img_size), generator=gen)
    eager_embedding = model.image_encoder(image)
    scripted_embedding = encoder(image)
    encoder_diff = (eager_embedding - scripted_embedding).abs().max().item()
    eager_decoder = PromptDecoder(model.prompt_encoder, model.mask_decoder)
    decoder_diffs: List[float] = []
    m = cfg.low_res_size
    for _ in range(2):
        for n in click_counts:
            points, labels = random_clicks(n, cfg.img_size, gen)
            prev = torch.randn((1, 1, m, m, m), generator=gen)
            want = eager_decoder(eager_embedding, points, labels, prev)
            got = decoder(eager_embedding, points, labels, prev)
            decoder_diffs.append((want - got).abs().max().item())
    result = {"encoder_max_abs_diff": encoder_diff, "decoder_max_abs_diff": max(decoder_diffs),
              "click_counts": list(click_counts), "tolerance": PARITY_TOLERANCE}
    if encoder_diff > PARITY_TOLERANCE or max(decoder_diffs) > PARITY_TOLERANCE:
        raise RuntimeError(f"exported TorchScript differs from eager PyTorch: {result}")
    return result


def export(model: SegAny3D, out_dir: str, source_info: Dict, verify: bool = True) -> Dict:
    """Scripts the encoder and the prompt+mask decoder of `model`, saves them with model-info.json.

    source_info says where the weights came from, e.g. {"checkpoint_file": ..., "checkpoint_sha256": ...}
    from the converter, or a training run's description. Returns the model-info dict.
    """
    model = model.eval()
    os.makedirs(out_dir, exist_ok=True)
    encoder = torch.jit.script(EncoderForExport(model.image_encoder))
    decoder = torch.jit.script(PromptDecoder(model.prompt_encoder, model.mask_decoder))
    files = {}
    for name, module in ((ENCODER_FILE, encoder), (DECODER_FILE, decoder)):
        path = os.path.join(out_dir, name)
        torch.jit.save(module, path)
        files[name] = sha256_of(path)
    info = model_info(model, source_info, files)
    if verify:
        info["export_check"] = verify_export(model, out_dir)
    with open(os.path.join(out_dir, MODEL_INFO_FILE), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")
    return info


def read_model_info(model_dir: str) -> Dict:
    with open(os.path.join(model_dir, MODEL_INFO_FILE)) as f:
        info = json.load(f)
    if info.get("format") != MODEL_INFO_FORMAT or info.get("format_version") != MODEL_INFO_VERSION:
        raise ValueError(f"{model_dir}: not a version-{MODEL_INFO_VERSION} {MODEL_INFO_FORMAT} file")
    return info


def load_eager_from_export(model_dir: str, info: Optional[Dict] = None) -> SegAny3D:
    """Rebuilds the eager model from an export dir: the two TorchScript files together carry the full
    original state dict under its original key names."""
    info = info or read_model_info(model_dir)
    cfg = SegAnyConfig.from_json_dict(info["config"])
    state = {}
    for name in (ENCODER_FILE, DECODER_FILE):
        state.update(torch.jit.load(os.path.join(model_dir, name)).state_dict())
    model = SegAny3D(cfg)
    model.load_state_dict(state, strict=True)
    return model.eval()
