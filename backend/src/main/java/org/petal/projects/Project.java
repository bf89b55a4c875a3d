package org.petal.projects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.petal.ml.dataset.LabelKind;

/** A study: a label set and the cases annotated with it. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("value")
    private List<ProjectLabel> labels = new ArrayList<>();

    @Version
    private long version;

    protected Project() {}

    Project(String name, String description, long createdBy, Instant createdAt) {
        this.name = name;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void addLabel(int value, String labelName, String colour, LabelKind kind, String engine) {
        labels.add(new ProjectLabel(this, value, labelName, colour, kind, engine));
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public List<ProjectLabel> getLabels() { return List.copyOf(labels); }

    public Optional<ProjectLabel> label(int value) {
        return labels.stream().filter(l -> l.getValue() == value).findFirst();
    }
}
