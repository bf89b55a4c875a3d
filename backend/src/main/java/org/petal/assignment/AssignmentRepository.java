package org.petal.assignment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByAnnotatorIdOrderByIdAsc(long annotatorId);

    List<Assignment> findByCaseIdOrderByIdAsc(long caseId);

    List<Assignment> findByCaseIdInOrderByIdAsc(Collection<Long> caseIds);

    List<Assignment> findByCaseIdInAndAnnotatorIdIn(Collection<Long> caseIds, Collection<Long> annotatorIds);

    // The progress dashboard counts in the database: one row per group, never one per assignment.

    String OF_PROJECT = "a.caseId in (select c.id from PetCase c where c.projectId = :projectId)";

    /** Rows of (annotator id, state, mode, count) of the project's assignments. */
    @Query("select a.annotatorId, a.state, a.mode, count(a) from Assignment a where " + OF_PROJECT
        + " group by a.annotatorId, a.state, a.mode")
    List<Object[]> tally(long projectId);

    /**
     * Rows of (stage, count of cases): each assigned case of the project once, at the stage of its least
     * advanced read (0 ASSIGNED, 1 IN_PROGRESS, 2 CHANGES_REQUESTED, 3 SUBMITTED, 4 APPROVED). SQL that H2
     * and PostgreSQL share.
     */
    @Query(nativeQuery = true, value = """
        select t.stage, count(*) from (
          select min(case a.state when 'ASSIGNED' then 0 when 'IN_PROGRESS' then 1 when 'CHANGES_REQUESTED' then 2
                                  when 'SUBMITTED' then 3 else 4 end) as stage
          from assignments a join cases c on c.id = a.case_id
          where c.project_id = :projectId
          group by a.case_id) t
        group by t.stage""")
    List<Object[]> casesByStage(long projectId);

    /** Rows of (annotator id, count) of the project's assignments due before {@code today} in one of {@code open}. */
    @Query("select a.annotatorId, count(a) from Assignment a where " + OF_PROJECT
        + " and a.dueDate < :today and a.state in :open group by a.annotatorId")
    List<Object[]> overdueByAnnotator(long projectId, LocalDate today, Collection<AssignmentState> open);

    /** The project's overdue assignments, longest overdue first. */
    @Query("select a from Assignment a where " + OF_PROJECT
        + " and a.dueDate < :today and a.state in :open order by a.dueDate, a.id")
    List<Assignment> overdue(long projectId, LocalDate today, Collection<AssignmentState> open, Pageable page);

    List<Assignment> findByStateAndAnnotatorIdNotOrderByUpdatedAtAsc(AssignmentState state, long annotatorId);

    boolean existsByCaseIdAndAnnotatorId(long caseId, long annotatorId);

    /** A join, not an IN list of case ids: H2 checks a long parameter list row by row. */
    @Query("select distinct a.caseId from Assignment a join PetCase c on c.id = a.caseId where c.projectId = :projectId "
        + "and a.state = org.petal.assignment.AssignmentState.APPROVED")
    List<Long> approvedCaseIdsOfProject(long projectId);

    /** (case id, case key) of every case assigned to the annotator: one query for a worklist. */
    @Query("select distinct c.id, c.caseKey from Assignment a join PetCase c on c.id = a.caseId where a.annotatorId = :annotatorId")
    List<Object[]> caseKeysOfAnnotator(long annotatorId);

    @Query("select a from Assignment a join PetCase c on c.id = a.caseId where c.projectId = :projectId order by a.id")
    List<Assignment> findByProject(long projectId);
}
