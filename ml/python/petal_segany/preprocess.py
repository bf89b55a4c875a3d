"""Pre- and post-processing around the network (spec §2.1 item 5, §1.5), written out so Java can copy it.

Normalisation: mean and unbiased (N-1) std over the voxels of the 128³ crop whose value is > 0, computed
in float64; every voxel (zeros, negatives and zero padding included) becomes (x - mean) / std, rounded
once to float32. Padding to 128³ happens before this, with 0 in raw units.
Because the statistics come from x > 0 only, any positive unit scale (SUV, Bq/mL, kBq/mL) gives the same
network input.

Threshold: the (1, 1, 32, 32, 32) low-res logits are upsampled to 128³ with trilinear interpolation,
align_corners=False, and a voxel is foreground when its logit is > 0 (= sigmoid > 0.5).
"""
from dataclasses import dataclass
from typing import Union

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

NORMALISATION_RULE = ("z-score over voxels > 0 in the 128³ crop, unbiased std, applied to all voxels, "
                      "zero padding before normalisation")
THRESHOLD_RULE = ("trilinear align_corners=False upsample of the 32³ logits to 128³, logit > 0")


@dataclass(frozen=True)
class ZScore:
    normalised: Tensor  # float32, same shape as the input
    mean: float
    std: float
    positive_voxels: int


def zscore_positive(volume: Union[Tensor, np.ndarray]) -> ZScore:
    """Z-scores a crop with statistics over its voxels > 0 (float64 maths, float32 result)."""
    x = torch.as_tensor(np.asarray(volume) if not isinstance(volume, Tensor) else volume)
    x64 = x.to(torch.float64)
    positive = x64[x64 > 0]
    if positive.numel() < 2:
        raise ValueError(f"cannot z-score: {positive.numel()} voxel(s) > 0 in the crop, need at least 2")
    mean = positive.mean().item()
    std = positive.std(unbiased=True).item()
    if not std > 0:
        raise ValueError("cannot z-score: the voxels > 0 all have the same value (std = 0)")
    return ZScore(((x64 - mean) / std).to(torch.float32), mean, std, int(positive.numel()))


def upsample_logits(low_res_logits: Tensor, size: int = 128) -> Tensor:
    """(B, 1, 32, 32, 32) -> (B, 1, size, size, size) logits, trilinear, align_corners=False."""
    return F.interpolate(low_res_logits, size=(size, size, size), mode="trilinear", align_corners=False)


def foreground(low_res_logits: Tensor, size: int = 128) -> Tensor:
    """Boolean mask (B, 1, size, size, size): upsampled logit > 0."""
    return upsample_logits(low_res_logits, size) > 0
