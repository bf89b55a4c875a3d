"""SegAnyPET (SAM-Med3D vit_b_ori) network definition, checkpoint converter and TorchScript export."""
