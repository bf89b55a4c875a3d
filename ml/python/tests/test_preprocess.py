import numpy as np
import pytest
import torch
import torch.nn.functional as F

from petal_segany.golden import BQML_PER_SUV, synthetic_pet_crop
from petal_segany.preprocess import foreground, upsample_logits, zscore_positive


@pytest.fixture(scope="module")
def suv_crop():
    bqml, _ = synthetic_pet_crop(64, seed=4)
    return (bqml / BQML_PER_SUV).astype(np.float32)


def test_zscore_gives_identical_input_for_suv_and_bqml_with_a_power_of_two_scale(suv_crop):
    # A power-of-two unit factor is exact in float, so the normalised crops are bit-identical.
    assert torch.equal(zscore_positive(suv_crop).normalised, zscore_positive(suv_crop * 4096.0).normalised)


def test_zscore_gives_the_same_input_for_suv_and_bqml_with_any_positive_scale(suv_crop):
    suv = zscore_positive(suv_crop)
    bqml = zscore_positive(suv_crop.astype(np.float64) * 5123.7)
    assert (suv.normalised - bqml.normalised).abs().max() <= 1e-5
    assert bqml.mean == pytest.approx(suv.mean * 5123.7, rel=1e-9)
    assert bqml.positive_voxels == suv.positive_voxels


def test_zscore_statistics_use_only_voxels_above_zero_with_unbiased_std():
    crop = np.array([0.0, -3.0, 0.0, 1.0, 2.0, 3.0, 6.0], dtype=np.float32)
    z = zscore_positive(crop)
    assert z.mean == 3.0 and z.positive_voxels == 4
    assert z.std == pytest.approx(np.sqrt((4 + 1 + 0 + 9) / 3))
    # ...and then applies to every voxel, zeros and negatives included.
    want = (crop.astype(np.float64) - 3.0) / z.std
    assert np.allclose(z.normalised.numpy(), want.astype(np.float32), atol=0)


def test_zscore_refuses_a_crop_without_positive_voxels():
    with pytest.raises(ValueError, match="voxel"):
        zscore_positive(np.zeros((4, 4, 4), dtype=np.float32))
    with pytest.raises(ValueError, match="std = 0"):
        zscore_positive(np.array([0.0, 2.0, 2.0], dtype=np.float32))


def test_synthetic_crop_has_padding_zeros_negative_air_and_hot_lesions():
    crop, lesions = synthetic_pet_crop(64, seed=0)
    assert (crop[-4:] == 0).all()
    assert (crop < 0).any() and (crop > 0).any()
    i, j, k = lesions[0]["centre"]
    assert crop[i, j, k] > 3 * BQML_PER_SUV
    assert np.array_equal(crop, synthetic_pet_crop(64, seed=0)[0])


def test_foreground_is_trilinear_align_corners_false_upsampling_then_logit_above_zero():
    slab = torch.zeros(1, 1, 32, 32, 32)
    slab[0, 0, 10] = 1.0
    up = upsample_logits(slab)
    assert up.shape == (1, 1, 128, 128, 128)
    assert torch.equal(up, F.interpolate(slab, size=(128, 128, 128), mode="trilinear", align_corners=False))
    # align_corners=False: fine voxel x samples low-res coordinate (x + 0.5) / 4 - 0.5, so low-res voxel 10
    # reaches fine voxels 38..45 with weights 1/8, 3/8, 5/8, 7/8, 7/8, 5/8, 3/8, 1/8.
    profile = up[0, 0, 36:48, 0, 0].tolist()
    assert profile == [0, 0, 0.125, 0.375, 0.625, 0.875, 0.875, 0.625, 0.375, 0.125, 0, 0]
    assert int(foreground(slab).sum()) == 8 * 128 * 128
    point = torch.zeros(1, 1, 32, 32, 32)
    point[0, 0, 10, 10, 10] = 1.0
    mask = foreground(point)
    assert mask.dtype == torch.bool and int(mask.sum()) == 8 ** 3
