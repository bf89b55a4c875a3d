package org.petal.segmentation;

import org.petal.segmentation.Protocol.ErrorCode;
import org.petal.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Turns a failed request into a typed {@code error} message, as {@code ApiExceptionHandler} does for
 * REST: services' problems keep their sentence, anything unexpected is logged here with its stack trace
 * and reaches the client only as INTERNAL.
 */
final class ErrorReplies {

    private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

    private ErrorReplies() {}

    static Message.ErrorReply of(Throwable e) {
        if (e instanceof MessageCodec.BadMessage) {
            return Message.ErrorReply.of(ErrorCode.BAD_MESSAGE, e.getMessage());
        }
        if (e instanceof Sitting.NotOpen) {
            return Message.ErrorReply.of(ErrorCode.NOT_OPEN, e.getMessage());
        }
        if (e instanceof Sitting.LimitReached) {
            return Message.ErrorReply.of(ErrorCode.TOO_LARGE, e.getMessage());
        }
        if (e instanceof Problems.Forbidden) {
            return Message.ErrorReply.of(ErrorCode.FORBIDDEN, e.getMessage());
        }
        if (e instanceof Problems.NotFound) {
            return Message.ErrorReply.of(ErrorCode.NOT_FOUND, e.getMessage());
        }
        if (e instanceof Problems.Conflict) {
            return Message.ErrorReply.of(ErrorCode.CONFLICT, e.getMessage());
        }
        if (e instanceof OptimisticLockingFailureException) {
            // Someone else changed the assignment in the same moment: unlike a state conflict, a retry may pass.
            return new Message.ErrorReply(ErrorCode.CONFLICT, "the assignment changed meanwhile; try again", true);
        }
        if (e instanceof Problems.BadRequest || e instanceof IllegalArgumentException) {
            return Message.ErrorReply.of(ErrorCode.INVALID, e.getMessage());
        }
        if (e instanceof InferenceWorker.EngineFailure) {
            log.warn("engine failure", e);
            return Message.ErrorReply.of(ErrorCode.ENGINE_FAILED, e.getMessage());
        }
        log.error("unexpected error in a segmentation socket", e);
        return Message.ErrorReply.of(ErrorCode.INTERNAL, "internal error; the details are in the server log");
    }
}
