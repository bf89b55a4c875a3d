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

/** One recorded action. Never updated; the timestamp is the server's. */
@Entity
@Table(name = "interaction_events")
public class InteractionEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventType type;

    @Column(name = "label_value")
    private Integer labelValue;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 32)
    private String engine;

    @Column(name = "latency_ms")
    private Double latencyMs;

    @Column(length = 1000)
    private String detail;

    protected InteractionEvent() {}

    InteractionEvent(long assignmentId, Long sessionId, long userId, EventType type, Integer labelValue, Instant at,
                     String engine, Double latencyMs, String detail) {
        this.assignmentId = assignmentId;
        this.sessionId = sessionId;
        this.userId = userId;
        this.type = type;
        this.labelValue = labelValue;
        this.at = at;
        this.engine = engine;
        this.latencyMs = latencyMs;
        this.detail = detail;
    }

    public long getAssignmentId() { return assignmentId; }
    public Long getSessionId() { return sessionId; }
    public EventType getType() { return type; }
    public Integer getLabelValue() { return labelValue; }
    public Instant getAt() { return at; }
    public String getEngine() { return engine; }
    public Double getLatencyMs() { return latencyMs; }
}
