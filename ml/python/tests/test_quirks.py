"""The trained-in oddities of vit_b_ori (spec §1.8) are kept, each checked against a naive reference."""
import math

import torch

from petal_segany.config import TINY
from petal_segany.image_encoder import Attention, Block
from petal_segany.model import PromptDecoder
from petal_segany.prompt_encoder import PositionEmbeddingRandom3D

torch.manual_seed(0)


def random_block(dim, heads, window_size, grid=8, zero_rel_pos=False):
    block = Block(dim, heads, 2.0, window_size=window_size, grid_size=grid, eps=1e-6).eval()
    with torch.no_grad():
        for name, p in block.named_parameters():
            p.copy_(torch.randn_like(p) * (0.0 if zero_rel_pos and "rel_pos" in name else 0.3))
            if "norm" in name and name.endswith("weight"):
                p.add_(1.0)
    return block


def naive_attention_with_bias_tokens(block, x):
    """Block output computed by hand: attention over the 512 real tokens plus 14³ - 8³ = 2232 padding
    tokens whose key and value are just the qkv bias (their LN1 output is zero), with rel-pos zero."""
    b, d, h, w, c = x.shape
    heads = block.attn.num_heads
    hd = c // heads
    t = block.norm1(x).reshape(b, d * h * w, c)
    qkv = block.attn.qkv(t)
    q, k, v = qkv.split(c, dim=-1)
    pad_k, pad_v = block.attn.qkv.bias[c:2 * c], block.attn.qkv.bias[2 * c:]
    n_pad = 14 ** 3 - d * h * w
    k = torch.cat([k, pad_k.expand(b, n_pad, c)], dim=1)
    v = torch.cat([v, pad_v.expand(b, n_pad, c)], dim=1)
    out = []
    for head in range(heads):
        sl = slice(head * hd, (head + 1) * hd)
        a = torch.softmax(q[..., sl] @ k[..., sl].transpose(1, 2) / math.sqrt(hd), dim=-1)
        out.append(a @ v[..., sl])
    attn = block.attn.proj(torch.cat(out, dim=-1)).reshape(b, d, h, w, c)
    y = x + attn
    return y + block.mlp(block.norm2(y))


@torch.no_grad()
def test_windowed_block_attends_to_2232_unmasked_zero_padding_tokens():
    block = random_block(16, 2, window_size=14, zero_rel_pos=True)
    x = torch.randn(1, 8, 8, 8, 16)
    got = block(x)
    assert torch.allclose(got, naive_attention_with_bias_tokens(block, x), atol=1e-4)

    as_global = random_block(16, 2, window_size=0)
    as_global.load_state_dict({k: v for k, v in block.state_dict().items() if "rel_pos" not in k}, strict=False)
    with torch.no_grad():
        for axis in "dhw":
            getattr(as_global.attn, f"rel_pos_{axis}").zero_()
    assert (got - as_global(x)).abs().max() > 1e-2, "padding tokens must change the result"


def naive_attention_logits(attn, q, k, rel_pos_term):
    """Loops over every query/key pair of one head: (q * scale) . k + rel_pos_term(q index, k index)."""
    size = round(q.shape[0] ** (1 / 3))
    coords = [(a, b, c) for a in range(size) for b in range(size) for c in range(size)]
    logits = torch.zeros(len(coords), len(coords))
    for i, qc in enumerate(coords):
        for j, kc in enumerate(coords):
            logits[i, j] = (q[i] * attn.scale) @ k[j] + rel_pos_term(qc, kc)
    return logits


def sam_med3d_term(attn, q_grid, size):
    """The rel-pos term SAM-Med3D's broadcast actually adds (q unscaled, key index j in the kw slot)."""
    d, h, w = attn.rel_pos_d, attn.rel_pos_h, attn.rel_pos_w
    s1 = size - 1
    return lambda qc, kc: (q_grid[qc] @ d[qc[0] - kc[2] + s1]
                           + q_grid[(qc[0], qc[1], kc[0])] @ h[qc[1] - kc[2] + s1]
                           + q_grid[(qc[0], qc[1], kc[1])] @ w[kc[1] - kc[2] + s1])


def textbook_term(attn, q_grid, size):
    d, h, w = attn.rel_pos_d, attn.rel_pos_h, attn.rel_pos_w
    s1 = size - 1
    return lambda qc, kc: (q_grid[qc] @ d[qc[0] - kc[0] + s1] + q_grid[qc] @ h[qc[1] - kc[1] + s1]
                           + q_grid[qc] @ w[qc[2] - kc[2] + s1])


@torch.no_grad()
def test_rel_pos_is_sam_med3d_broadcast_with_unscaled_q_not_the_textbook_decomposition():
    size, dim, heads = 3, 8, 2
    attn = Attention(dim, heads, input_size=size).eval()
    for p in attn.parameters():
        p.copy_(torch.randn_like(p))
    x = torch.randn(1, size, size, size, dim)
    got = attn(x)

    hd = dim // heads
    q, k, v = attn.qkv(x.reshape(1, -1, dim)).split(dim, dim=-1)
    out, textbook_out = torch.zeros(1, size ** 3, dim), torch.zeros(1, size ** 3, dim)
    for head in range(heads):
        sl = slice(head * hd, (head + 1) * hd)
        q_grid = q[0, :, sl].reshape(size, size, size, hd)
        logits = naive_attention_logits(attn, q[0, :, sl], k[0, :, sl], sam_med3d_term(attn, q_grid, size))
        out[0, :, sl] = torch.softmax(logits, dim=-1) @ v[0, :, sl]
        logits = naive_attention_logits(attn, q[0, :, sl], k[0, :, sl], textbook_term(attn, q_grid, size))
        textbook_out[0, :, sl] = torch.softmax(logits, dim=-1) @ v[0, :, sl]
    assert torch.allclose(got, attn.proj(out).reshape(got.shape), atol=1e-4)
    assert not torch.allclose(got, attn.proj(textbook_out).reshape(got.shape), atol=1e-2)


@torch.no_grad()
def test_rel_pos_equals_sam_med3d_seven_dimensional_broadcast_on_a_14_cube():
    from petal_segany.image_encoder import decomposed_rel_pos_logits, relative_position_table
    s, bh, c = 14, 2, 8
    q, k = torch.randn(bh, s ** 3, c), torch.randn(bh, s ** 3, c)
    tables = [torch.randn(2 * s - 1, c) * 0.3 for _ in range(3)]
    r_q = q.reshape(bh, s, s, s, c)
    rel = [torch.einsum(eq, r_q, relative_position_table(s, t))
           for eq, t in zip(("bdhwc,dkc->bdhwk", "bdhwc,hkc->bdhwk", "bdhwc,wkc->bdhwk"), tables)]
    # Each 5-D (B, d, h, w, j) term indexed into the 7-D logits with its last dim j landing in the kw slot.
    want = ((q * c ** -0.5) @ k.transpose(1, 2)).view(bh, s, s, s, s, s, s) \
        + rel[0][:, :, :, :, None, None] + rel[1][:, :, :, None, :, None] + rel[2][:, :, :, None, None, :]
    got = decomposed_rel_pos_logits(q, k, c ** -0.5, *tables, [s, s, s])
    assert torch.allclose(got, want.view(bh, s ** 3, s ** 3), atol=1e-5)


def test_dense_pe_at_abc_equals_sparse_pe_of_point_bac_in_the_same_units():
    pe = PositionEmbeddingRandom3D(16)
    dense = pe([8, 8, 8])  # (C, 8, 8, 8)
    for a, b, c in [(0, 5, 2), (7, 1, 3), (4, 4, 6)]:
        swapped = torch.tensor([[[b + 0.5, a + 0.5, c + 0.5]]])
        assert torch.allclose(dense[:, a, b, c], pe.forward_with_coords(swapped, [8, 8, 8])[0, 0], atol=1e-6)
    straight = torch.tensor([[[0 + 0.5, 5 + 0.5, 2 + 0.5]]])
    assert not torch.allclose(dense[:, 0, 5, 2], pe.forward_with_coords(straight, [8, 8, 8])[0, 0], atol=1e-3)


def test_a_crop_voxel_click_is_shifted_to_its_centre_and_divided_by_128(tiny_model):
    enc = tiny_model.prompt_encoder
    # (p + 0.5) / 128 == (b + 0.5) / 8  <=>  p == 16 b + 7.5: the click between the two centre voxels of
    # 16³ patch (5, 0, 2) lands exactly on dense token (0, 5, 2) -- note the swap of the first two axes.
    point = torch.tensor([[[16 * 5 + 7.5, 16 * 0 + 7.5, 16 * 2 + 7.5]]])
    tokens = enc.embed_points(point, torch.tensor([[1.0]]), pad=False)
    pe = tokens - enc.point_embeddings[1].weight
    assert torch.allclose(pe[0, 0], enc.get_dense_pe()[0, :, 0, 5, 2], atol=1e-5)


def test_third_pe_block_repeats_the_first_sin_block():
    pe = PositionEmbeddingRandom3D(16)
    out = pe.forward_with_coords(torch.rand(1, 5, 3) * 128, [128, 128, 128])
    assert out.shape[-1] == 48
    assert torch.equal(out[..., 32:48], out[..., 0:16])
    assert not torch.allclose(out[..., 16:32], out[..., 0:16])


def test_exactly_one_not_a_point_token_is_appended(tiny_model):
    enc = tiny_model.prompt_encoder
    points = torch.tensor([[[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]])
    sparse, dense = enc(points=(points, torch.tensor([[1.0, 0.0]])), boxes=None, masks=torch.zeros(1, 1, 32, 32, 32))
    assert sparse.shape == (1, 3, 48) and dense.shape == (1, 48, 8, 8, 8)
    assert torch.equal(sparse[0, 2], enc.not_a_point_embed.weight[0])


def test_label_1_adds_point_embedding_1_and_label_0_adds_point_embedding_0(tiny_model):
    enc = tiny_model.prompt_encoder
    point = torch.tensor([[[33.0, 44.0, 55.0]]])
    positive = enc.embed_points(point, torch.tensor([[1.0]]), pad=False)
    negative = enc.embed_points(point, torch.tensor([[0.0]]), pad=False)
    assert torch.allclose(positive - negative, enc.point_embeddings[1].weight - enc.point_embeddings[0].weight,
                          atol=1e-6)
    pe = enc.pe_layer.forward_with_coords(point + 0.5, [128, 128, 128])
    assert torch.allclose(positive, pe + enc.point_embeddings[1].weight, atol=1e-6)


@torch.no_grad()
def test_first_two_way_layer_self_attention_replaces_the_queries_and_the_second_adds(tiny_model):
    layers = tiny_model.mask_decoder.transformer.layers
    seen = {}
    hooks = [layer.norm1.register_forward_hook(lambda m, inp, out, i=i: seen.__setitem__(i, inp[0]))
             for i, layer in enumerate(layers)]
    queries_in = {}
    hooks += [layer.register_forward_pre_hook(lambda m, inp, i=i: queries_in.__setitem__(i, inp))
              for i, layer in enumerate(layers)]
    try:
        PromptDecoder(tiny_model.prompt_encoder, tiny_model.mask_decoder)(
            torch.randn(1, 48, 8, 8, 8), torch.tensor([[[5.0, 6.0, 7.0]]]), torch.tensor([[1.0]]),
            torch.zeros(1, 1, 32, 32, 32))
    finally:
        for h in hooks:
            h.remove()
    q0, _, pe0, _ = queries_in[0]
    assert torch.allclose(seen[0], layers[0].self_attn(q=q0, k=q0, v=q0), atol=1e-6)
    q1, _, pe1, _ = queries_in[1]
    assert torch.allclose(seen[1], q1 + layers[1].self_attn(q=q1 + pe1, k=q1 + pe1, v=q1), atol=1e-6)


@torch.no_grad()
def test_mask_prompt_comes_from_previous_logits_and_no_mask_embed_is_never_used(tiny_model):
    decoder = PromptDecoder(tiny_model.prompt_encoder, tiny_model.mask_decoder)
    embedding = torch.randn(1, 48, 8, 8, 8)
    points, labels = torch.tensor([[[64.0, 64.0, 64.0]]]), torch.tensor([[1.0]])
    zeros = torch.zeros(1, 1, 32, 32, 32)
    first = decoder(embedding, points, labels, zeros)
    assert not torch.allclose(decoder(embedding, points, labels, first), first)
    original = tiny_model.prompt_encoder.no_mask_embed.weight.clone()
    try:
        tiny_model.prompt_encoder.no_mask_embed.weight.add_(10.0)
        assert torch.equal(decoder(embedding, points, labels, zeros), first)
    finally:
        tiny_model.prompt_encoder.no_mask_embed.weight.copy_(original)


@torch.no_grad()
def test_single_mask_output_is_mask_channel_0(tiny_model):
    enc, dec = tiny_model.prompt_encoder, tiny_model.mask_decoder
    embedding = torch.randn(1, 48, 8, 8, 8)
    sparse, dense = enc(points=(torch.tensor([[[1.0, 2.0, 3.0]]]), torch.tensor([[1.0]])), boxes=None,
                        masks=torch.zeros(1, 1, 32, 32, 32))
    all_masks, _ = dec.predict_masks(embedding, enc.get_dense_pe(), sparse, dense)
    single, _ = dec(embedding, enc.get_dense_pe(), sparse, dense, multimask_output=False)
    multi, _ = dec(embedding, enc.get_dense_pe(), sparse, dense, multimask_output=True)
    assert torch.equal(single, all_masks[:, 0:1]) and torch.equal(multi, all_masks[:, 1:])


def test_tiny_keeps_one_windowed_and_one_global_block(tiny_model):
    assert [b.window_size for b in tiny_model.image_encoder.blocks] == [14, 0]
    assert TINY.encoder_global_attn_indexes == (1,)
