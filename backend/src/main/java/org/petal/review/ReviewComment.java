package org.petal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment pinned to a voxel (i, j, k) of the case. */
@Entity
@Table(name = "review_comments")
public class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false) private int i;
    @Column(nullable = false) private int j;
    @Column(nullable = false) private int k;

    @Column(nullable = false, length = 2000)
    private String text;

    protected ReviewComment() {}

    ReviewComment(int i, int j, int k, String text) {
        this.i = i;
        this.j = j;
        this.k = k;
        this.text = text;
    }

    public int getI() { return i; }
    public int getJ() { return j; }
    public int getK() { return k; }
    public String getText() { return text; }
}
