"""3D ViT image encoder of SAM-Med3D `vit_b_ori` (spec §1.1, §1.2).

Tensors are channels-last inside the blocks: (B, D, H, W, C) with (D, H, W) = the token grid in the
order of the input tensor's spatial dims (0, 1, 2). Every module here is TorchScript-compatible.
"""
from typing import List, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from .config import SegAnyConfig


class LayerNorm3d(nn.Module):
    """LayerNorm over the channel dim of (B, C, D, H, W), per voxel; biased variance as in SAM."""

    def __init__(self, num_channels: int, eps: float = 1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(num_channels))
        self.bias = nn.Parameter(torch.zeros(num_channels))
        self.eps = eps

    def forward(self, x: Tensor) -> Tensor:
        u = x.mean(1, keepdim=True)
        s = (x - u).pow(2).mean(1, keepdim=True)
        x = (x - u) / torch.sqrt(s + self.eps)
        return self.weight[:, None, None, None] * x + self.bias[:, None, None, None]


class MLPBlock(nn.Module):
    def __init__(self, embedding_dim: int, mlp_dim: int, act: nn.Module):
        super().__init__()
        self.lin1 = nn.Linear(embedding_dim, mlp_dim)
        self.lin2 = nn.Linear(mlp_dim, embedding_dim)
        self.act = act

    def forward(self, x: Tensor) -> Tensor:
        return self.lin2(self.act(self.lin1(x)))


def relative_position_table(size: int, rel_pos: Tensor) -> Tensor:
    """(size, size, head_dim) table R[q, k] = rel_pos[q - k + size - 1].

    SAM would interpolate a table of another length; with vit_b_ori's sizes that never happens
    (spec §1.2 c), so a mismatch is an error here rather than a silent resize.
    """
    if rel_pos.shape[0] != 2 * size - 1:
        raise ValueError("relative position table length does not match 2 * grid side - 1")
    coords = torch.arange(size, device=rel_pos.device)
    index = coords[:, None] - coords[None, :] + (size - 1)
    return rel_pos[index]


def decomposed_rel_pos_logits(q: Tensor, k: Tensor, scale: float, rel_pos_d: Tensor, rel_pos_h: Tensor,
                              rel_pos_w: Tensor, size: List[int]) -> Tensor:
    """Attention logits (B*heads, L, L) = (q * scale) k^T + SAM-Med3D's decomposed rel-pos terms.

    The per-query terms are the textbook ones, with q UNSCALED (spec §1.2 c):
        rel_d[q, j] = <q, Rd[qd - j + S - 1]>, rel_h[q, j] = <q, Rh[qh - j + S - 1]>,
        rel_w[q, j] = <q, Rw[qw - j + S - 1]>,
    but SAM-Med3D (and MedIM, and so SegAnyPET) broadcasts these 5-D (B, d, h, w, j) tensors into the
    7-D logits (B, qd, qh, qw, kd, kh, kw) with j always in the kw slot and, for rel_h and rel_w, the
    query's w index moved into the kd and kh slots. What the trained weights saw is therefore, for query
    (qd, qh, qw) and key (kd, kh, kw):
        rel_d[(qd, qh, qw), kw] + rel_h[(qd, qh, kd), kw] + rel_w[(qd, qh, kh), kw]
    i.e. <q(qd,qh,qw), Rd[qd-kw+S-1]> + <q(qd,qh,kd), Rh[qh-kw+S-1]> + <q(qd,qh,kh), Rw[kh-kw+S-1]>.
    This is kept exactly (SAM-Med3D issue #101; the fix in PR #54 was reverted in #55). It only
    broadcasts on a cube, so S = d = h = w is required.

    Computed without the 7-D broadcast: the rel_d term rides along in the q k^T matmul as S extra
    columns ([q*scale | rel_d] @ [k | onehot(kw)]^T), and rel_h + rel_w, which do not depend on qw, form
    one (B, qd, qh, L) block added to the logits of every qw.
    """
    s = size[0]
    if size[1] != s or size[2] != s:
        raise ValueError("SAM-Med3D's decomposed rel-pos only exists for cubic token grids")
    bh, n, dim = q.shape
    r_q = q.reshape(bh, s, s, s, dim)
    rel_d = torch.einsum("bdhwc,dkc->bdhwk", r_q, relative_position_table(s, rel_pos_d))
    rel_h = torch.einsum("bdhwc,hkc->bdhwk", r_q, relative_position_table(s, rel_pos_h))
    rel_w = torch.einsum("bdhwc,wkc->bdhwk", r_q, relative_position_table(s, rel_pos_w))
    key_kw = torch.arange(s, device=q.device).repeat(s * s)  # key index = (kd * s + kh) * s + kw
    left = torch.cat([q * scale, rel_d.reshape(bh, n, s)], dim=-1)
    right = torch.cat([k, F.one_hot(key_kw, s).to(q.dtype).unsqueeze(0).expand(bh, n, s)], dim=-1)
    attn = left @ right.transpose(-2, -1)
    # (bh, qd, qh, kd, kh, kw): rel_h indexed by (qd, qh, w=kd, j=kw), rel_w by (qd, qh, w=kh, j=kw).
    shared = rel_h[:, :, :, :, None, :] + rel_w[:, :, :, None, :, :]
    attn.view(bh, s * s, s, n).add_(shared.reshape(bh, s * s, 1, n))
    return attn


class Attention(nn.Module):
    """Multi-head self-attention over a (B, D, H, W, C) cube with decomposed 3-axis rel-pos."""

    def __init__(self, dim: int, num_heads: int, input_size: int):
        super().__init__()
        self.num_heads = num_heads
        head_dim = dim // num_heads
        self.scale = head_dim ** -0.5
        self.qkv = nn.Linear(dim, dim * 3, bias=True)
        self.proj = nn.Linear(dim, dim)
        # Zero-initialised as in SAM; the official checkpoints hold trained values.
        self.rel_pos_d = nn.Parameter(torch.zeros(2 * input_size - 1, head_dim))
        self.rel_pos_h = nn.Parameter(torch.zeros(2 * input_size - 1, head_dim))
        self.rel_pos_w = nn.Parameter(torch.zeros(2 * input_size - 1, head_dim))

    def forward(self, x: Tensor) -> Tensor:
        b, d, h, w, _ = x.shape
        n = d * h * w
        qkv = self.qkv(x).reshape(b, n, 3, self.num_heads, -1).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.reshape(3, b * self.num_heads, n, -1).unbind(0)
        attn = decomposed_rel_pos_logits(q, k, self.scale, self.rel_pos_d, self.rel_pos_h, self.rel_pos_w,
                                         [d, h, w])
        attn = attn.softmax(dim=-1)
        x = (attn @ v).view(b, self.num_heads, d, h, w, -1).permute(0, 2, 3, 4, 1, 5).reshape(b, d, h, w, -1)
        return self.proj(x)


def window_partition(x: Tensor, window_size: int) -> Tuple[Tensor, List[int]]:
    """Zero-pads (B, D, H, W, C) at the end of each spatial axis to a multiple of window_size and cuts
    it into (B * nWindows, ws, ws, ws, C). The padded tokens are NOT masked later (spec §1.8 item 1)."""
    b, d, h, w, c = x.shape
    pad_d = (window_size - d % window_size) % window_size
    pad_h = (window_size - h % window_size) % window_size
    pad_w = (window_size - w % window_size) % window_size
    if pad_d > 0 or pad_h > 0 or pad_w > 0:
        x = F.pad(x, [0, 0, 0, pad_w, 0, pad_h, 0, pad_d])
    dp, hp, wp = d + pad_d, h + pad_h, w + pad_w
    x = x.view(b, dp // window_size, window_size, hp // window_size, window_size,
               wp // window_size, window_size, c)
    windows = x.permute(0, 1, 3, 5, 2, 4, 6, 7).reshape(-1, window_size, window_size, window_size, c)
    return windows, [dp, hp, wp]


def window_unpartition(windows: Tensor, window_size: int, padded: List[int], size: List[int]) -> Tensor:
    dp, hp, wp = padded[0], padded[1], padded[2]
    d, h, w = size[0], size[1], size[2]
    n_windows = (dp // window_size) * (hp // window_size) * (wp // window_size)
    b = windows.shape[0] // n_windows
    x = windows.view(b, dp // window_size, hp // window_size, wp // window_size,
                     window_size, window_size, window_size, -1)
    x = x.permute(0, 1, 4, 2, 5, 3, 6, 7).reshape(b, dp, hp, wp, -1)
    return x[:, :d, :h, :w, :].contiguous()


class Block(nn.Module):
    """Pre-norm transformer block; window_size 0 means global attention over the whole grid."""

    def __init__(self, dim: int, num_heads: int, mlp_ratio: float, window_size: int, grid_size: int,
                 eps: float):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=eps)
        self.attn = Attention(dim, num_heads, input_size=window_size if window_size > 0 else grid_size)
        self.norm2 = nn.LayerNorm(dim, eps=eps)
        self.mlp = MLPBlock(dim, int(dim * mlp_ratio), nn.GELU())
        self.window_size = window_size

    def forward(self, x: Tensor) -> Tensor:
        shortcut = x
        x = self.norm1(x)
        if self.window_size > 0:
            # Padding after norm1: pad tokens are exact zeros, so their keys/values equal the qkv bias.
            size = [x.shape[1], x.shape[2], x.shape[3]]
            x, padded = window_partition(x, self.window_size)
            x = self.attn(x)
            x = window_unpartition(x, self.window_size, padded, size)
        else:
            x = self.attn(x)
        x = shortcut + x
        return x + self.mlp(self.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(self, patch_size: int, in_chans: int, embed_dim: int):
        super().__init__()
        self.proj = nn.Conv3d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x: Tensor) -> Tensor:
        return self.proj(x).permute(0, 2, 3, 4, 1)


class ImageEncoderViT3D(nn.Module):
    """(B, 1, S, S, S) z-scored crop -> (B, prompt_embed_dim, S/16, S/16, S/16) image embedding."""

    def __init__(self, cfg: SegAnyConfig):
        super().__init__()
        g = cfg.grid_size
        self.img_size = cfg.img_size
        self.patch_embed = PatchEmbed(cfg.patch_size, cfg.in_chans, cfg.encoder_embed_dim)
        # Channels-last, as stored in the checkpoint.
        self.pos_embed = nn.Parameter(torch.zeros(1, g, g, g, cfg.encoder_embed_dim))
        self.blocks = nn.ModuleList([
            Block(cfg.encoder_embed_dim, cfg.encoder_num_heads, cfg.encoder_mlp_ratio,
                  window_size=0 if i in cfg.encoder_global_attn_indexes else cfg.encoder_window_size,
                  grid_size=g, eps=cfg.encoder_ln_eps)
            for i in range(cfg.encoder_depth)])
        out = cfg.prompt_embed_dim
        self.neck = nn.Sequential(
            nn.Conv3d(cfg.encoder_embed_dim, out, kernel_size=1, bias=False),
            LayerNorm3d(out, eps=cfg.layernorm3d_eps),
            nn.Conv3d(out, out, kernel_size=3, padding=1, bias=False),
            LayerNorm3d(out, eps=cfg.layernorm3d_eps),
        )

    def forward(self, x: Tensor) -> Tensor:
        x = self.patch_embed(x)
        x = x + self.pos_embed
        for blk in self.blocks:
            x = blk(x)
        return self.neck(x.permute(0, 4, 1, 2, 3))
