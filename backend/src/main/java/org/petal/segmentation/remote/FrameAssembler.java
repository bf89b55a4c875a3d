package org.petal.segmentation.remote;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Joins the parts of one WebSocket message. The worker endpoint takes partial messages because the
 * servlet container's whole-message buffer is 8 KiB and a result's voxels are often more; raising that
 * buffer would raise it for {@code /ws/annotate} too, whose limits are documented. The limit here is
 * our own, per message.
 */
final class FrameAssembler {

    /** A message over the limit; the connection is closed. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final long textLimit;
    private final long binaryLimit;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    FrameAssembler(long textLimit, long binaryLimit) {
        this.textLimit = textLimit;
        this.binaryLimit = binaryLimit;
    }

    /** The whole message once {@code last} arrives, else null. */
    String text(String part, boolean last) {
        if (text.length() + (long) part.length() > textLimit) {
            throw new TooLarge("a text message over " + textLimit + " characters");
        }
        text.append(part);
        if (!last) {
            return null;
        }
        String whole = text.toString();
        text.setLength(0);
        return whole;
    }

    /** The whole message once {@code last} arrives, else null. */
    byte[] binary(ByteBuffer part, boolean last) {
        if (binary.size() + (long) part.remaining() > binaryLimit) {
            throw new TooLarge("a binary message over " + binaryLimit + " bytes");
        }
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        binary.write(bytes, 0, bytes.length);
        if (!last) {
            return null;
        }
        byte[] whole = binary.toByteArray();
        binary.reset();
        return whole;
    }
}
