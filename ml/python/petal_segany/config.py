"""Sizes of the SegAnyPET / SAM-Med3D network.

`vit_b_ori` is the network SegAnyPET ships (spec §1.1); its numbers must not change, because the official
checkpoints load into it key for key. `small` and `tiny` keep every structural rule of `vit_b_ori`
(128³ crop, 16³ patches -> 8³ token grid, decomposed rel-pos, [sin, cos, sin] prompt PE, two-way decoder,
4 mask tokens) and only shrink widths and depths: `small` is meant to be trained on CPU and to run its
encoder in well under 1.5 s per 128³ window on 2 cores; `tiny` exists for fast tests.
"""
from dataclasses import asdict, dataclass, field
from typing import Dict, Tuple


@dataclass(frozen=True)
class SegAnyConfig:
    name: str
    img_size: int = 128
    patch_size: int = 16
    in_chans: int = 1
    encoder_embed_dim: int = 768
    encoder_depth: int = 12
    encoder_num_heads: int = 12
    encoder_mlp_ratio: float = 4.0
    # Blocks not listed here attend inside zero-padded windows of this side (spec §1.2 step b).
    encoder_global_attn_indexes: Tuple[int, ...] = (2, 5, 8, 11)
    encoder_window_size: int = 14
    prompt_embed_dim: int = 384
    mask_in_chans: int = 16
    decoder_depth: int = 2
    decoder_num_heads: int = 8
    decoder_mlp_dim: int = 2048
    decoder_attention_downsample_rate: int = 2
    num_multimask_outputs: int = 3
    iou_head_depth: int = 3
    iou_head_hidden_dim: int = 256
    encoder_ln_eps: float = 1e-6
    layernorm3d_eps: float = 1e-6
    decoder_ln_eps: float = 1e-5
    notes: str = field(default="", compare=False)

    def __post_init__(self):
        problems = []
        if self.img_size % self.patch_size:
            problems.append("img_size must be a multiple of patch_size")
        if self.encoder_embed_dim % self.encoder_num_heads:
            problems.append("encoder_embed_dim must be divisible by encoder_num_heads")
        if any(i < 0 or i >= self.encoder_depth for i in self.encoder_global_attn_indexes):
            problems.append("encoder_global_attn_indexes must lie in [0, encoder_depth)")
        windowed = self.encoder_depth - len(set(self.encoder_global_attn_indexes))
        if windowed and self.encoder_window_size <= 0:
            problems.append("windowed blocks need encoder_window_size > 0")
        if self.prompt_embed_dim % 3:
            problems.append("prompt_embed_dim must be divisible by 3 (PE is [sin, cos, sin] of dim/3 each)")
        if self.prompt_embed_dim % 8:
            problems.append("prompt_embed_dim must be divisible by 8 (mask upscaling to dim/4 and dim/8)")
        internal = self.prompt_embed_dim // self.decoder_attention_downsample_rate
        if self.prompt_embed_dim % self.decoder_num_heads or internal % self.decoder_num_heads:
            problems.append("prompt_embed_dim and prompt_embed_dim/downsample_rate must be divisible by "
                            "decoder_num_heads")
        if self.mask_in_chans % 4:
            problems.append("mask_in_chans must be divisible by 4")
        if problems:
            raise ValueError(f"invalid SegAnyConfig '{self.name}': " + "; ".join(problems))

    @property
    def grid_size(self) -> int:
        """Side of the token grid (8 for a 128³ crop with 16³ patches)."""
        return self.img_size // self.patch_size

    @property
    def low_res_size(self) -> int:
        """Side of the low-res logits cube (4 x grid = 32)."""
        return 4 * self.grid_size

    def to_json_dict(self) -> Dict:
        d = asdict(self)
        d["encoder_global_attn_indexes"] = list(self.encoder_global_attn_indexes)
        d["grid_size"] = self.grid_size
        d["low_res_size"] = self.low_res_size
        return d

    @staticmethod
    def from_json_dict(d: Dict) -> "SegAnyConfig":
        d = dict(d)
        d.pop("grid_size", None)
        d.pop("low_res_size", None)
        d["encoder_global_attn_indexes"] = tuple(d["encoder_global_attn_indexes"])
        return SegAnyConfig(**d)


VIT_B_ORI = SegAnyConfig(
    name="vit_b_ori",
    notes="SAM-Med3D vit_b_ori as used by SegAnyPET; loads the official checkpoints")

# All-global attention: on an 8³ grid the pad-to-14 windows of vit_b_ori cost 5.4x the tokens and buy
# nothing but 2232 unmasked bias tokens, and nothing pretrained has to be loaded into this size.
# Depth 4 (was 6): 5,608,520 weights, so the shipped encoder.pt + decoder.pt stay under 25 MB in fp32.
SMALL = SegAnyConfig(
    name="small",
    encoder_embed_dim=192,
    encoder_depth=4,
    encoder_num_heads=6,
    encoder_global_attn_indexes=(0, 1, 2, 3),
    prompt_embed_dim=192,
    decoder_mlp_dim=1024,
    iou_head_hidden_dim=128,
    notes="CPU-trainable size (depth 4, < 25 MB exported); all encoder blocks use global attention")

# Keeps one windowed (pad-to-14) block so fast tests exercise both attention paths of vit_b_ori.
TINY = SegAnyConfig(
    name="tiny",
    encoder_embed_dim=48,
    encoder_depth=2,
    encoder_num_heads=2,
    encoder_mlp_ratio=2.0,
    encoder_global_attn_indexes=(1,),
    prompt_embed_dim=48,
    mask_in_chans=8,
    decoder_num_heads=4,
    decoder_mlp_dim=64,
    iou_head_hidden_dim=32,
    notes="for tests only: block 0 windowed (pad to 14), block 1 global")

ARCHS: Dict[str, SegAnyConfig] = {c.name: c for c in (VIT_B_ORI, SMALL, TINY)}


def config_for(arch: str) -> SegAnyConfig:
    try:
        return ARCHS[arch]
    except KeyError:
        raise ValueError(f"unknown arch '{arch}', expected one of {sorted(ARCHS)}") from None
