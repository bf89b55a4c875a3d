package org.petal.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.petal.ml.dataset.LabelKind;

/** One label of a project's label set: the value it has in label maps, its colour and its kind. */
@Entity
@Table(name = "project_labels")
public class ProjectLabel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    @Column(name = "label_value", nullable = false)
    private int value;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 7)
    private String colour;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private LabelKind kind;

    @Column(name = "default_engine", nullable = false, length = 32)
    private String defaultEngine;

    protected ProjectLabel() {}

    ProjectLabel(Project project, int value, String name, String colour, LabelKind kind, String defaultEngine) {
        this.project = project;
        this.value = value;
        this.name = name;
        this.colour = colour;
        this.kind = kind;
        this.defaultEngine = defaultEngine;
    }

    public int getValue() { return value; }
    public String getName() { return name; }
    public String getColour() { return colour; }
    public LabelKind getKind() { return kind; }
    public String getDefaultEngine() { return defaultEngine; }
}
