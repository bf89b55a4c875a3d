-- The time-saved study's agreement cache. Revisions are immutable, so the per-label overlap of two of them
-- never changes: the study report computes it once (inflating both label maps) and reads it from here on
-- every later report. One row per label value (those of the project's label set when it was computed, and
-- any other value present in either map); a value without a row has no voxels in either map.
-- revision_a < revision_b, so a pair has one spelling.
create table study_agreement (
    revision_a  bigint  not null references mask_revisions (id),
    revision_b  bigint  not null references mask_revisions (id),
    label_value integer not null,
    voxels_a    bigint  not null,
    voxels_b    bigint  not null,
    overlap     bigint  not null,
    computed_at timestamp with time zone not null,
    primary key (revision_a, revision_b, label_value),
    check (revision_a < revision_b)
);
