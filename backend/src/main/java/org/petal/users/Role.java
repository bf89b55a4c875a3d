package org.petal.users;

/** What a user may do. A user can hold several roles. */
public enum Role {
    /** Segments the cases assigned to them. */
    ANNOTATOR,
    /** Approves or sends back submitted work of others. */
    REVIEWER,
    /** Creates projects, imports cases, assigns work, corrects SUV parameters. */
    LEAD,
    /** Reads reports (time saved, agreement). */
    COORDINATOR,
    /** Manages users. */
    ADMIN
}
