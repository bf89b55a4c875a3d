"""The whole network and the two modules that get exported for DJL.

`SegAny3D` has exactly the state_dict of the official checkpoints (spec §1.7). The export wrappers hold
the original sub-modules under the same attribute names, so encoder.pt's state_dict holds the
`image_encoder.*` keys and decoder.pt's the `prompt_encoder.*` and `mask_decoder.*` keys, unchanged.
"""
from typing import Dict

import torch
from torch import Tensor, nn

from .config import SegAnyConfig
from .image_encoder import ImageEncoderViT3D
from .mask_decoder import MaskDecoder3D
from .prompt_encoder import PromptEncoder3D


class SegAny3D(nn.Module):
    """SAM-Med3D's Sam3D without the unused (non-persistent) pixel_mean/pixel_std buffers."""

    def __init__(self, cfg: SegAnyConfig):
        super().__init__()
        self.config = cfg
        self.image_encoder = ImageEncoderViT3D(cfg)
        self.prompt_encoder = PromptEncoder3D(cfg)
        self.mask_decoder = MaskDecoder3D(cfg)

    def forward(self, image: Tensor, points: Tensor, labels: Tensor, prev_low_res_logits: Tensor) -> Tensor:
        """One click step from scratch: image (B,1,S,S,S) z-scored -> low-res logits (B,1,4g,4g,4g)."""
        return PromptDecoder(self.prompt_encoder, self.mask_decoder)(
            self.image_encoder(image), points, labels, prev_low_res_logits)


def build_model(cfg: SegAnyConfig, seed: int = 0) -> SegAny3D:
    """Freshly initialised model (PyTorch default init, zero rel-pos and pos_embed as in SAM)."""
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        model = SegAny3D(cfg)
    return model.eval()


def perturb_for_testing(model: nn.Module, seed: int, scale: float = 0.02) -> nn.Module:
    """Adds noise to every parameter so that zero-initialised tensors (rel-pos, pos_embed, biases) and
    unit LayerNorm weights take non-trivial values; a parity test then exercises every code path."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.add_(torch.randn(p.shape, generator=gen) * scale)
    return model


def state_dict_summary(state_dict: Dict[str, Tensor]) -> Dict[str, int]:
    learnable = sum(v.numel() for k, v in state_dict.items()
                    if not k.endswith("positional_encoding_gaussian_matrix"))
    parts = {}
    for prefix in ("image_encoder", "prompt_encoder", "mask_decoder"):
        parts[prefix] = sum(v.numel() for k, v in state_dict.items() if k.startswith(prefix + "."))
    return {"state_dict_tensors": len(state_dict),
            "state_dict_numel": sum(v.numel() for v in state_dict.values()),
            "learnable_numel": learnable,
            **{f"{k}_numel": v for k, v in parts.items()}}


class EncoderForExport(nn.Module):
    """encoder.pt: image (1, 1, S, S, S) float32, z-scored -> image_embedding (1, C, g, g, g)."""

    def __init__(self, image_encoder: ImageEncoderViT3D):
        super().__init__()
        self.image_encoder = image_encoder
        self.img_size = image_encoder.img_size

    def forward(self, image: Tensor) -> Tensor:
        s = self.img_size
        if image.dim() != 5 or image.shape[1] != 1 or image.shape[2] != s or image.shape[3] != s \
                or image.shape[4] != s:
            raise ValueError("image must have shape (B, 1, S, S, S) with S = the model's crop size")
        return self.image_encoder(image.to(torch.float32))


class PromptDecoder(nn.Module):
    """decoder.pt: one click step.

    image_embedding (1, C, g, g, g); points (1, N, 3) float crop voxel indices in tensor-dim order;
    labels (1, N) 1 = include, 0 = exclude (float32 documented, integer types accepted);
    prev_low_res_logits (1, 1, 4g, 4g, 4g) raw logits of the previous step, zeros for the first click
    -> low_res_logits (1, 1, 4g, 4g, 4g) (multimask_output=False: mask channel 0).
    The not-a-point token, the dense PE and the dense (mask) prompt are all computed inside.
    """

    def __init__(self, prompt_encoder: PromptEncoder3D, mask_decoder: MaskDecoder3D):
        super().__init__()
        self.prompt_encoder = prompt_encoder
        self.mask_decoder = mask_decoder

    def forward(self, image_embedding: Tensor, points: Tensor, labels: Tensor,
                prev_low_res_logits: Tensor) -> Tensor:
        if points.dim() != 3 or points.shape[2] != 3 or points.shape[1] < 1:
            raise ValueError("points must have shape (B, N, 3) with N >= 1")
        if labels.dim() != 2 or labels.shape[0] != points.shape[0] or labels.shape[1] != points.shape[1]:
            raise ValueError("labels must have shape (B, N) matching points")
        m = self.prompt_encoder.mask_input_size
        if prev_low_res_logits.dim() != 5 or prev_low_res_logits.shape[1] != 1 \
                or prev_low_res_logits.shape[2] != m[0] or prev_low_res_logits.shape[3] != m[1] \
                or prev_low_res_logits.shape[4] != m[2]:
            raise ValueError("prev_low_res_logits must have shape (B, 1, 4g, 4g, 4g)")
        dtype = image_embedding.dtype
        points = points.to(dtype)
        labels = labels.to(dtype)
        # Any other label would silently add no label embedding; refuse instead.
        if not bool(torch.all((labels == 0.0) | (labels == 1.0))):
            raise ValueError("labels must be 0 (exclude) or 1 (include)")
        sparse, dense = self.prompt_encoder(points=(points, labels), boxes=None,
                                            masks=prev_low_res_logits.to(dtype))
        low_res, _ = self.mask_decoder(image_embeddings=image_embedding,
                                       image_pe=self.prompt_encoder.get_dense_pe(),
                                       sparse_prompt_embeddings=sparse,
                                       dense_prompt_embeddings=dense,
                                       multimask_output=False)
        return low_res
