import re

import pytest
import torch
from torch import nn

import vit_b_ori_spec as spec
from petal_segany.config import ARCHS, SMALL, TINY, VIT_B_ORI, SegAnyConfig
from petal_segany.image_encoder import LayerNorm3d
from petal_segany.model import state_dict_summary


def test_full_size_state_dict_has_exactly_the_spec_keys_and_shapes(full_model):
    got = {k: tuple(v.shape) for k, v in full_model.state_dict().items()}
    want = spec.vit_b_ori_state_dict_shapes()
    assert sorted(set(want) - set(got)) == [], "missing keys"
    assert sorted(set(got) - set(want)) == [], "unexpected keys"
    assert {k: got[k] for k in want if got[k] != want[k]} == {}, "shape mismatches"


def test_full_size_state_dict_has_324_tensors_and_100_509_616_weights(full_model):
    summary = state_dict_summary(full_model.state_dict())
    assert len(spec.vit_b_ori_state_dict_shapes()) == spec.TOTAL_TENSORS
    assert summary["state_dict_tensors"] == spec.TOTAL_TENSORS
    assert summary["state_dict_numel"] == spec.TOTAL_NUMEL
    assert summary["learnable_numel"] == spec.LEARNABLE_NUMEL
    assert summary["image_encoder_numel"] == spec.IMAGE_ENCODER_NUMEL
    assert summary["prompt_encoder_numel"] == spec.PROMPT_ENCODER_NUMEL
    assert summary["mask_decoder_numel"] == spec.MASK_DECODER_NUMEL


def test_the_fourier_matrix_g_is_a_persistent_buffer_not_a_parameter(full_model):
    key = "prompt_encoder.pe_layer.positional_encoding_gaussian_matrix"
    assert key in full_model.state_dict()
    assert key not in dict(full_model.named_parameters())


def test_full_size_config_defaults_are_vit_b_ori():
    assert SegAnyConfig(name="vit_b_ori") == VIT_B_ORI
    assert (VIT_B_ORI.encoder_embed_dim, VIT_B_ORI.encoder_depth, VIT_B_ORI.encoder_num_heads) == (768, 12, 12)
    assert VIT_B_ORI.encoder_global_attn_indexes == spec.GLOBAL_BLOCKS
    assert (VIT_B_ORI.grid_size, VIT_B_ORI.low_res_size, VIT_B_ORI.prompt_embed_dim) == (8, 32, 384)


@pytest.mark.parametrize("cfg", list(ARCHS.values()), ids=list(ARCHS))
def test_every_config_survives_a_json_round_trip(cfg):
    assert SegAnyConfig.from_json_dict(cfg.to_json_dict()) == cfg


@pytest.mark.parametrize("model_fixture", ["small_model", "tiny_model"])
def test_smaller_sizes_use_the_same_key_names_as_vit_b_ori(model_fixture, request):
    model = request.getfixturevalue(model_fixture)
    full_keys = set(spec.vit_b_ori_state_dict_shapes())
    assert {k for k in model.state_dict() if k not in full_keys} == set()
    # ...with the same 128³ crop, 8³ token grid and 32³ low-res output.
    assert tuple(model.state_dict()["image_encoder.pos_embed"].shape[1:4]) == (8, 8, 8)


def test_small_keeps_the_token_grid_and_shrinks_widths():
    assert (SMALL.img_size, SMALL.patch_size, SMALL.grid_size) == (128, 16, 8)
    assert SMALL.encoder_embed_dim == 192 and 4 <= SMALL.encoder_depth <= 6
    assert TINY.encoder_depth == 2 and set(TINY.encoder_global_attn_indexes) == {1}


def test_encoder_norms_use_eps_1e_6_decoder_transformer_norms_eps_1e_5_and_gelu_is_exact(full_model):
    for name, module in full_model.named_modules():
        if isinstance(module, nn.LayerNorm):
            want = 1e-5 if name.startswith("mask_decoder.transformer") else 1e-6
            assert module.eps == want, name
        if isinstance(module, LayerNorm3d):
            assert module.eps == 1e-6, name
        if isinstance(module, nn.GELU):
            assert module.approximate == "none", name
    decoder_mlps = [m for n, m in full_model.named_modules() if re.fullmatch(r"mask_decoder.*\.mlp", n)]
    assert decoder_mlps and all(isinstance(m.act, nn.ReLU) for m in decoder_mlps)


def test_rel_pos_tables_are_27_long_in_windowed_blocks_and_15_in_global_ones(full_model):
    state = full_model.state_dict()
    for i in range(12):
        length = 15 if i in spec.GLOBAL_BLOCKS else 27
        assert state[f"image_encoder.blocks.{i}.attn.rel_pos_d"].shape == torch.Size([length, 64])
        assert full_model.image_encoder.blocks[i].window_size == (0 if i in spec.GLOBAL_BLOCKS else 14)
