package org.petal.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An accepted label map. Immutable: a later edit is a new revision whose parent is this one. */
@Entity
@Immutable
@Table(name = "mask_revisions")
public class MaskRevision {

    /** Where the mask came from: engine clicks only, brush only, or both. */
    public enum Source { AI, MANUAL, MIXED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Source source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false) private int nx;
    @Column(nullable = false) private int ny;
    @Column(nullable = false) private int nz;

    @Column(nullable = false, length = 16)
    private String encoding;

    @Column(nullable = false)
    private byte[] data;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "labelled_voxels", nullable = false)
    private long labelledVoxels;

    protected MaskRevision() {}

    MaskRevision(long assignmentId, Long parentId, long authorId, Source source, Instant createdAt, int[] dims,
                 byte[] compressed, String sha256, long labelledVoxels) {
        this.assignmentId = assignmentId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.source = source;
        this.createdAt = createdAt;
        this.nx = dims[0];
        this.ny = dims[1];
        this.nz = dims[2];
        this.encoding = LabelMapCodec.ENCODING;
        this.data = compressed;
        this.sha256 = sha256;
        this.labelledVoxels = labelledVoxels;
    }

    public Long getId() { return id; }
    public long getAssignmentId() { return assignmentId; }
    public Long getParentId() { return parentId; }
    public long getAuthorId() { return authorId; }
    public Source getSource() { return source; }
    public Instant getCreatedAt() { return createdAt; }
    public int[] dims() { return new int[] {nx, ny, nz}; }
    public String getSha256() { return sha256; }
    public long getLabelledVoxels() { return labelledVoxels; }
    byte[] compressed() { return data; }
}
