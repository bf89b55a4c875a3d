"""The vit_b_ori state_dict as written in docs/segany-spec.md §1.7, transcribed by hand.

Deliberately independent of petal_segany: if the model code drifts, the tests comparing against this
table fail instead of following it.
"""

WINDOWED_BLOCKS = (0, 1, 3, 4, 6, 7, 9, 10)
GLOBAL_BLOCKS = (2, 5, 8, 11)
TOTAL_TENSORS = 324
TOTAL_NUMEL = 100_509_616
LEARNABLE_NUMEL = 100_509_232
IMAGE_ENCODER_NUMEL = 92_924_928
PROMPT_ENCODER_NUMEL = 9_052
MASK_DECODER_NUMEL = 7_575_636


def vit_b_ori_state_dict_shapes():
    s = {
        "image_encoder.pos_embed": (1, 8, 8, 8, 768),
        "image_encoder.patch_embed.proj.weight": (768, 1, 16, 16, 16),
        "image_encoder.patch_embed.proj.bias": (768,),
    }
    for i in range(12):
        b = f"image_encoder.blocks.{i}."
        rel = (27, 64) if i in WINDOWED_BLOCKS else (15, 64)
        s.update({
            b + "norm1.weight": (768,), b + "norm1.bias": (768,),
            b + "attn.rel_pos_d": rel, b + "attn.rel_pos_h": rel, b + "attn.rel_pos_w": rel,
            b + "attn.qkv.weight": (2304, 768), b + "attn.qkv.bias": (2304,),
            b + "attn.proj.weight": (768, 768), b + "attn.proj.bias": (768,),
            b + "norm2.weight": (768,), b + "norm2.bias": (768,),
            b + "mlp.lin1.weight": (3072, 768), b + "mlp.lin1.bias": (3072,),
            b + "mlp.lin2.weight": (768, 3072), b + "mlp.lin2.bias": (768,),
        })
    s.update({
        "image_encoder.neck.0.weight": (384, 768, 1, 1, 1),
        "image_encoder.neck.1.weight": (384,), "image_encoder.neck.1.bias": (384,),
        "image_encoder.neck.2.weight": (384, 384, 3, 3, 3),
        "image_encoder.neck.3.weight": (384,), "image_encoder.neck.3.bias": (384,),

        "prompt_encoder.pe_layer.positional_encoding_gaussian_matrix": (3, 128),
        "prompt_encoder.point_embeddings.0.weight": (1, 384),
        "prompt_encoder.point_embeddings.1.weight": (1, 384),
        "prompt_encoder.not_a_point_embed.weight": (1, 384),
        "prompt_encoder.no_mask_embed.weight": (1, 384),
        "prompt_encoder.mask_downscaling.0.weight": (4, 1, 2, 2, 2),
        "prompt_encoder.mask_downscaling.0.bias": (4,),
        "prompt_encoder.mask_downscaling.1.weight": (4,), "prompt_encoder.mask_downscaling.1.bias": (4,),
        "prompt_encoder.mask_downscaling.3.weight": (16, 4, 2, 2, 2),
        "prompt_encoder.mask_downscaling.3.bias": (16,),
        "prompt_encoder.mask_downscaling.4.weight": (16,), "prompt_encoder.mask_downscaling.4.bias": (16,),
        "prompt_encoder.mask_downscaling.6.weight": (384, 16, 1, 1, 1),
        "prompt_encoder.mask_downscaling.6.bias": (384,),

        "mask_decoder.iou_token.weight": (1, 384),
        "mask_decoder.mask_tokens.weight": (4, 384),
    })
    for l in range(2):
        b = f"mask_decoder.transformer.layers.{l}."
        for p in ("q", "k", "v"):
            s[b + f"self_attn.{p}_proj.weight"] = (384, 384)
            s[b + f"self_attn.{p}_proj.bias"] = (384,)
            for cross in ("cross_attn_token_to_image", "cross_attn_image_to_token"):
                s[b + f"{cross}.{p}_proj.weight"] = (192, 384)
                s[b + f"{cross}.{p}_proj.bias"] = (192,)
        s[b + "self_attn.out_proj.weight"] = (384, 384)
        s[b + "self_attn.out_proj.bias"] = (384,)
        for cross in ("cross_attn_token_to_image", "cross_attn_image_to_token"):
            s[b + f"{cross}.out_proj.weight"] = (384, 192)
            s[b + f"{cross}.out_proj.bias"] = (384,)
        for n in (1, 2, 3, 4):
            s[b + f"norm{n}.weight"] = (384,)
            s[b + f"norm{n}.bias"] = (384,)
        s[b + "mlp.lin1.weight"] = (2048, 384)
        s[b + "mlp.lin1.bias"] = (2048,)
        s[b + "mlp.lin2.weight"] = (384, 2048)
        s[b + "mlp.lin2.bias"] = (384,)
    b = "mask_decoder.transformer."
    for p in ("q", "k", "v"):
        s[b + f"final_attn_token_to_image.{p}_proj.weight"] = (192, 384)
        s[b + f"final_attn_token_to_image.{p}_proj.bias"] = (192,)
    s[b + "final_attn_token_to_image.out_proj.weight"] = (384, 192)
    s[b + "final_attn_token_to_image.out_proj.bias"] = (384,)
    s[b + "norm_final_attn.weight"] = (384,)
    s[b + "norm_final_attn.bias"] = (384,)
    s.update({
        "mask_decoder.output_upscaling.0.weight": (384, 96, 2, 2, 2),
        "mask_decoder.output_upscaling.0.bias": (96,),
        "mask_decoder.output_upscaling.1.weight": (96,), "mask_decoder.output_upscaling.1.bias": (96,),
        "mask_decoder.output_upscaling.3.weight": (96, 48, 2, 2, 2),
        "mask_decoder.output_upscaling.3.bias": (48,),
    })
    for t in range(4):
        b = f"mask_decoder.output_hypernetworks_mlps.{t}.layers."
        s[b + "0.weight"], s[b + "0.bias"] = (384, 384), (384,)
        s[b + "1.weight"], s[b + "1.bias"] = (384, 384), (384,)
        s[b + "2.weight"], s[b + "2.bias"] = (48, 384), (48,)
    b = "mask_decoder.iou_prediction_head.layers."
    s[b + "0.weight"], s[b + "0.bias"] = (256, 384), (256,)
    s[b + "1.weight"], s[b + "1.bias"] = (256, 256), (256,)
    s[b + "2.weight"], s[b + "2.bias"] = (4, 256), (4,)
    return s
