package org.petal.system;

/** The errors services raise; {@link ApiExceptionHandler} turns each into one HTTP status and a message. */
public final class Problems {

    private Problems() {}

    /** The acting user may not do this (role or ownership). */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) { super(message); }
    }

    /** No such thing, or the actor may not know it exists. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) { super(message); }
    }

    /** The request conflicts with the current state (a workflow transition that is not allowed, a duplicate). */
    public static class Conflict extends RuntimeException {
        public Conflict(String message) { super(message); }
    }

    /** The request itself is invalid (bad file, bad value). */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) { super(message); }
    }
}
