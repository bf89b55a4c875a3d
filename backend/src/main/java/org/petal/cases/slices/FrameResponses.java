package org.petal.cases.slices;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.petal.cases.CaseView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How every binary frame of a case is answered (slices, MIPs, the downsampled volume): an ETag naming the
 * case, its checksum prefix, its version (bumped by an SUV correction) and the frame; private caching for
 * five minutes; 304 without computing anything when the client's copy is current; and a client that went
 * away mid-write (it scrolled on) is an expected cancellation, not an error.
 */
final class FrameResponses {

    private static final Logger log = LoggerFactory.getLogger(FrameResponses.class);
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private FrameResponses() {}

    static String etag(CaseView v, String frame) {
        String checksum = v.checksumSha256();
        return "\"c" + v.id() + "-" + checksum.substring(0, Math.min(12, checksum.length())) + "-v" + v.version() + "-" + frame + "\"";
    }

    static void serve(CaseView v, String frame, Supplier<byte[]> encode, ServletWebRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        if (request.checkNotModified(etag(v, frame))) {
            return;  // 304: the client's copy is current, nothing to compute
        }
        byte[] bytes = encode.get();
        response.setContentType(SliceFrame.MEDIA_TYPE);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
            response.flushBuffer();
        } catch (IOException clientGone) {
            log.debug("{} of case {} not delivered: {}", frame, v.id(), clientGone.toString());
        }
    }
}
