package org.petal.annotation;

/** User actions the server records, each with its own server timestamp. */
public enum EventType {
    OPEN, CLICK_INCLUDE, CLICK_EXCLUDE, BRUSH, ERASE, UNDO, REDO, RESET, ACCEPT, SUBMIT, IDLE, CLOSE;

    /** Actions that change the mask (they count as editing for time accounting). */
    public boolean isEdit() {
        return this == CLICK_INCLUDE || this == CLICK_EXCLUDE || this == BRUSH || this == ERASE || this == UNDO
            || this == REDO || this == RESET;
    }
}
