package org.petal.report.study;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agreement cache ({@code study_agreement}): per-label overlap counts of two revisions, computed once.
 * Plain JDBC rather than entities: it is derived data read in bulk (tens of thousands of rows per report),
 * and rows are never changed, only added.
 */
@Component
class AgreementStore {

    private static final Logger log = LoggerFactory.getLogger(AgreementStore.class);

    /** Two revisions, the lower id first (the table's one spelling of a pair). */
    record RevisionPair(long low, long high) {
        static RevisionPair of(long a, long b) {
            if (a == b) {
                throw new IllegalArgumentException("a revision agrees with itself: " + a);
            }
            return new RevisionPair(Math.min(a, b), Math.max(a, b));
        }
    }

    /** Voxels of one label in the lower revision, in the higher one, and in both. */
    record Counts(long voxelsLow, long voxelsHigh, long overlap) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AgreementStore(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The report reads in a read-only transaction; the cache is written in a short one of its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The cached counts of those of the project's pairs that have been computed (label value → counts). One
     * join over the project's revisions rather than an IN list of ids, which H2 checks row by row.
     */
    Map<RevisionPair, Map<Integer, Counts>> find(long projectId, Collection<RevisionPair> pairs) {
        Set<RevisionPair> wanted = Set.copyOf(pairs);
        Map<RevisionPair, Map<Integer, Counts>> out = new HashMap<>();
        jdbc.query("select s.revision_a, s.revision_b, s.label_value, s.voxels_a, s.voxels_b, s.overlap"
                + " from study_agreement s join mask_revisions r on r.id = s.revision_a"
                + " join assignments a on a.id = r.assignment_id join cases c on c.id = a.case_id"
                + " where c.project_id = :project",
            new MapSqlParameterSource("project", projectId), rs -> {
                RevisionPair p = new RevisionPair(rs.getLong(1), rs.getLong(2));
                if (wanted.contains(p)) {
                    out.computeIfAbsent(p, k -> new TreeMap<>())
                        .put(rs.getInt(3), new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            });
        return out;
    }

    /**
     * Stores newly computed pairs. Two reports computing the same pair at once collide on the primary key:
     * the loser's rows are dropped (the values are the same) and the next report finds the winner's.
     */
    void save(Map<RevisionPair, Map<Integer, Counts>> computed) {
        if (computed.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        computed.forEach((pair, labels) -> labels.forEach((label, c) -> rows.add(new MapSqlParameterSource()
            .addValue("a", pair.low()).addValue("b", pair.high()).addValue("label", label)
            .addValue("va", c.voxelsLow()).addValue("vb", c.voxelsHigh()).addValue("both", c.overlap())
            .addValue("at", now))));
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate("insert into study_agreement"
                    + " (revision_a, revision_b, label_value, voxels_a, voxels_b, overlap, computed_at)"
                    + " values (:a, :b, :label, :va, :vb, :both, :at)",
                rows.toArray(MapSqlParameterSource[]::new)));
        } catch (DataIntegrityViolationException e) {
            log.info("another report cached some of these {} revision pairs at the same time; keeping theirs",
                computed.size());
        }
    }
}
