/**
 * The coordinator's time-saved study: time per case by mode, % active time saved by AI assistance with a
 * bootstrap confidence interval, clicks and edits, agreement between readers (Dice per label) and throughput
 * per ISO week, as JSON and CSV. Definitions in {@code docs/study.md}.
 */
package org.petal.report.study;
