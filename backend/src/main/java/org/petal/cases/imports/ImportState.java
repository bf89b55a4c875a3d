package org.petal.cases.imports;

/** Where an import job is: QUEUED → RUNNING → DONE or FAILED; QUEUED may also fail (busy, restart). */
public enum ImportState {
    QUEUED, RUNNING, DONE, FAILED;

    /** DONE and FAILED are final: the job's files are gone and nothing will change it again. */
    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
