package org.petal.ml.segment.suvgrow;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetVolume;

/**
 * The last few organ windows read and smoothed ({@link WindowImage#readSmoothed}), by volume identity and
 * window. Every refinement click of an organ predicts the same window of the same volume again, and reading
 * and smoothing 128³ voxels is ~5 ms of a ~40 ms click. The images are never written to, so one is shared
 * by every call that asks for it, on any thread. Two entries of 16 MB at 128³ (values and smoothed values);
 * volumes are held weakly, so a closed case is not kept alive.
 */
final class WindowCache {

    static final int ENTRIES = 2;

    private record Entry(WeakReference<PetVolume> volume, Box window, WindowImage image) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    WindowImage image(PetVolume volume, Box window) {
        synchronized (entries) {
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.volume().get() == volume && e.window().equals(window)) {
                    it.remove();
                    entries.addFirst(e);
                    return e.image();
                }
            }
        }
        // Read outside the lock: another thread's window must not wait for this one.
        WindowImage image = WindowImage.readSmoothed(volume, window);
        synchronized (entries) {
            entries.addFirst(new Entry(new WeakReference<>(volume), window, image));
            while (entries.size() > ENTRIES) {
                entries.removeLast();
            }
        }
        return image;
    }
}
