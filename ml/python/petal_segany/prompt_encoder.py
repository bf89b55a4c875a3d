"""Prompt encoder of SAM-Med3D (spec §1.3): point tokens, dense PE of the token grid, mask prompt.

Point coordinates are voxel indices (p0, p1, p2) in the crop, in the order of the image tensor's
spatial dims. Labels: 1 include (positive), 0 exclude (negative), -1 the padding ("not a point") token.
"""
import math
from typing import List, Optional, Tuple

import torch
from torch import Tensor, nn

from .config import SegAnyConfig
from .image_encoder import LayerNorm3d


class PositionEmbeddingRandom3D(nn.Module):
    """Random-Fourier positional encoding: u in [0,1]^3 -> [sin w, cos w, sin w], w = 2 pi (2u - 1) G."""

    def __init__(self, num_pos_feats: int):
        super().__init__()
        # Persistent: the official checkpoints carry G and it must be loaded (spec §1.3).
        self.register_buffer("positional_encoding_gaussian_matrix", torch.randn((3, num_pos_feats)))

    def _pe_encoding(self, coords: Tensor) -> Tensor:
        coords = 2 * coords - 1
        coords = coords @ self.positional_encoding_gaussian_matrix
        coords = 2 * math.pi * coords
        # The third block repeats sin; it was trained that way (spec §1.8 item 2).
        return torch.cat([torch.sin(coords), torch.cos(coords), torch.sin(coords)], dim=-1)

    def forward(self, size: List[int]) -> Tensor:
        """Dense PE (C, X, Y, Z) of a grid. Component 0 runs along dim 1 and component 1 along dim 0:
        the x/y swap inherited from 2D SAM, kept on purpose (spec §1.3)."""
        x, y, z = size[0], size[1], size[2]
        device = self.positional_encoding_gaussian_matrix.device
        grid = torch.ones((x, y, z), device=device, dtype=torch.float32)
        y_embed = (grid.cumsum(dim=0) - 0.5) / y
        x_embed = (grid.cumsum(dim=1) - 0.5) / x
        z_embed = (grid.cumsum(dim=2) - 0.5) / z
        pe = self._pe_encoding(torch.stack([x_embed, y_embed, z_embed], dim=-1))
        return pe.permute(3, 0, 1, 2)

    def forward_with_coords(self, coords: Tensor, image_size: List[int]) -> Tensor:
        """Sparse PE (B, N, C) of points already shifted to voxel centres, divided by the crop size."""
        coords = torch.stack([coords[:, :, 0] / image_size[0],
                              coords[:, :, 1] / image_size[1],
                              coords[:, :, 2] / image_size[2]], dim=-1)
        return self._pe_encoding(coords.to(torch.float32))


class PromptEncoder3D(nn.Module):
    def __init__(self, cfg: SegAnyConfig):
        super().__init__()
        dim = cfg.prompt_embed_dim
        g = cfg.grid_size
        self.embed_dim = dim
        self.image_embedding_size = [g, g, g]
        self.input_image_size = [cfg.img_size, cfg.img_size, cfg.img_size]
        self.pe_layer = PositionEmbeddingRandom3D(dim // 3)
        # 0 = negative (exclude), 1 = positive (include). No box corners in vit_b_ori.
        self.point_embeddings = nn.ModuleList([nn.Embedding(1, dim) for _ in range(2)])
        self.not_a_point_embed = nn.Embedding(1, dim)
        self.mask_input_size = [4 * g, 4 * g, 4 * g]
        c = cfg.mask_in_chans
        eps = cfg.layernorm3d_eps
        self.mask_downscaling = nn.Sequential(
            nn.Conv3d(1, c // 4, kernel_size=2, stride=2),
            LayerNorm3d(c // 4, eps=eps),
            nn.GELU(),
            nn.Conv3d(c // 4, c, kernel_size=2, stride=2),
            LayerNorm3d(c, eps=eps),
            nn.GELU(),
            nn.Conv3d(c, dim, kernel_size=1),
        )
        # Present in the checkpoints but never trained: always pass a mask (zeros at the first click).
        self.no_mask_embed = nn.Embedding(1, dim)

    def get_dense_pe(self) -> Tensor:
        """(1, C, g, g, g) positional encoding of the image tokens."""
        return self.pe_layer(self.image_embedding_size).unsqueeze(0)

    def embed_points(self, points: Tensor, labels: Tensor, pad: bool) -> Tensor:
        """(B, N, 3) voxel indices + (B, N) labels -> (B, N+1, C) tokens when pad (one not-a-point token)."""
        points = points + 0.5
        if pad:
            padding_point = torch.zeros((points.shape[0], 1, 3), device=points.device, dtype=points.dtype)
            padding_label = -torch.ones((labels.shape[0], 1), device=labels.device, dtype=labels.dtype)
            points = torch.cat([points, padding_point], dim=1)
            labels = torch.cat([labels, padding_label], dim=1)
        pe = self.pe_layer.forward_with_coords(points, self.input_image_size)
        is_pad = (labels == -1).unsqueeze(-1)
        pe = torch.where(is_pad, torch.zeros_like(pe), pe)
        # Adding weight * 0 or weight * 1 is exact, so this equals SAM's masked in-place additions.
        pe = pe + is_pad.to(pe.dtype) * self.not_a_point_embed.weight
        for i, embedding in enumerate(self.point_embeddings):
            pe = pe + (labels == i).unsqueeze(-1).to(pe.dtype) * embedding.weight
        return pe

    def embed_masks(self, masks: Tensor) -> Tensor:
        """Previous low-res logits (B, 1, 32, 32, 32), raw -> dense prompt (B, C, 8, 8, 8)."""
        return self.mask_downscaling(masks)

    def forward(self, points: Optional[Tuple[Tensor, Tensor]], boxes: Optional[Tensor],
                masks: Optional[Tensor]) -> Tuple[Tensor, Tensor]:
        """SAM's signature: -> sparse (B, N+1, C), dense (B, C, g, g, g)."""
        if boxes is not None:
            raise ValueError("vit_b_ori has no box embeddings")
        if points is not None:
            bs = points[0].shape[0]
        elif masks is not None:
            bs = masks.shape[0]
        else:
            bs = 1
        device = self.no_mask_embed.weight.device
        sparse = torch.empty((bs, 0, self.embed_dim), device=device)
        if points is not None:
            coords, labels = points
            sparse = torch.cat([sparse, self.embed_points(coords, labels, pad=True)], dim=1)
        if masks is not None:
            dense = self.embed_masks(masks)
        else:
            g = self.image_embedding_size
            dense = self.no_mask_embed.weight.reshape(1, -1, 1, 1, 1).expand(bs, -1, g[0], g[1], g[2])
        return sparse, dense
