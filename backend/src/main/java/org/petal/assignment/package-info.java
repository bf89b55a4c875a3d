/**
 * Who reads which case, and how far the work is: single assignments and the review workflow
 * ({@code AssignmentService}), a lead's bulk assignment with a study design ({@code StudyPlanner},
 * {@code BulkAssignmentService}) and the progress dashboard ({@code ProjectProgressService}); see
 * {@code docs/lead-tools.md}.
 */
package org.petal.assignment;
