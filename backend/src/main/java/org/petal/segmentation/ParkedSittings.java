package org.petal.segmentation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.petal.users.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sittings whose socket dropped, kept for {@code petal.segmentation.resume-window} so that a reload or a
 * short network cut loses no unaccepted work: the same user's {@code resume} on the same assignment takes
 * the sitting over, objects, undo history and log session included. One parked sitting per user and
 * assignment; an older one is released when a newer one is parked or when a new sitting opens there.
 *
 * <p>A parked sitting is touched by nobody until it is claimed (removal from the map is the hand-over), so
 * the single-thread rule of {@link Sitting} holds.
 */
@Component
class ParkedSittings implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParkedSittings.class);

    private record Key(long actorId, long assignmentId) {}

    private record Parked(Sitting sitting, long sinceNanos) {}

    private final Map<Key, Parked> parked = new ConcurrentHashMap<>();
    private final long windowNanos;

    ParkedSittings(SegmentationProperties properties) {
        this.windowNanos = properties.resumeWindow().toNanos();
    }

    /** Keeps an opened sitting for resume; one that never opened anything is simply closed. */
    void park(Sitting sitting, long nowNanos) {
        Long assignment = sitting.assignmentId();
        if (assignment == null || windowNanos == 0) {
            release(sitting);
            return;
        }
        Parked older = parked.put(new Key(sitting.actor().id(), assignment), new Parked(sitting, nowNanos));
        if (older != null) {
            release(older.sitting());
        }
    }

    /** Hands the user's parked sitting on the assignment over to the caller, or null. */
    Sitting claim(Actor actor, long assignmentId) {
        Parked p = parked.remove(new Key(actor.id(), assignmentId));
        return p == null ? null : p.sitting();
    }

    /** Releases the user's parked sitting on the assignment, if any. */
    void discard(Actor actor, long assignmentId) {
        Sitting s = claim(actor, assignmentId);
        if (s != null) {
            release(s);
        }
    }

    /** Releases the sittings parked longer than the window. */
    void expire(long nowNanos) {
        parked.forEach((key, p) -> {
            if (nowNanos - p.sinceNanos() > windowNanos && parked.remove(key, p)) {
                release(p.sitting());
            }
        });
    }

    int size() {
        return parked.size();
    }

    @Override
    public void destroy() {
        parked.keySet().forEach(key -> {
            Parked p = parked.remove(key);
            if (p != null) {
                release(p.sitting());
            }
        });
    }

    static void release(Sitting sitting) {
        try {
            sitting.close();
        } catch (RuntimeException e) {
            log.warn("closing the sitting of {} failed", sitting.actor().username(), e);
        }
    }
}
