package org.petal.segmentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for {@link Message}s with a mapper of its own, so the wire format does not move when the
 * application's Jackson settings do. Parsing is strict where a lenient reading would change meaning
 * (12.5 is not a voxel index, a missing {@code include} is not "false") and lenient where it is harmless
 * (unknown fields are ignored, so a newer client can add optional ones).
 */
public final class MessageCodec {

    /** A text frame that is not a well-formed client message; {@link #getMessage()} says why, for the client. */
    public static final class BadMessage extends RuntimeException {
        BadMessage(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();

    private MessageCodec() {}

    public static String write(Message message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message, e);  // our own records: a bug, not input
        }
    }

    /** Any message (tests and clients read server messages with this). */
    public static Message read(String json) {
        try {
            return MAPPER.readValue(json, Message.class);
        } catch (ValueInstantiationException e) {
            // A record's own validation: its message is written for the client.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BadMessage(cause.getMessage());
        } catch (InvalidTypeIdException e) {
            throw new BadMessage("unknown or missing message type " + (e.getTypeId() == null ? "" : "'" + e.getTypeId() + "'"));
        } catch (JsonProcessingException e) {
            throw new BadMessage("not a valid message: " + e.getOriginalMessage());
        }
    }

    /** A message a client may send; server-only types are refused. */
    public static Message.FromClient readFromClient(String json) {
        if (read(json) instanceof Message.FromClient m) {
            return m;
        }
        throw new BadMessage("that message type is sent by the server, not the client");
    }
}
